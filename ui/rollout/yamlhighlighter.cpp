#include "yamlhighlighter.h"

using namespace Qt::StringLiterals;

namespace Meridian {

namespace {

QTextCharFormat textFormat(const QColor &color, bool bold = false, bool italic = false)
{
    QTextCharFormat f;
    f.setForeground(color);
    if (bold)
        f.setFontWeight(QFont::Bold);
    f.setFontItalic(italic);
    return f;
}

} // namespace

YamlHighlighter::YamlHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
    // Colours readable on light and dark palettes.
    m_rules.append(
            {QRegularExpression(
                     u"^\\s*(?:-\\s+)?([^\\s#'\"][^:#]*?|\"[^\"]*\"|'[^']*')\\s*:(?=\\s|$)"_s),
             textFormat(QColor(0x1f, 0x6f, 0xb5), true),
             1});
    m_rules.append(
            {QRegularExpression(
                     u"(?<=[:\\-\\[,{]\\s)\\s*(true|false|True|False|TRUE|FALSE|null|Null|NULL|~)(?=\\s*(#|$|,|\\]|}))"_s),
             textFormat(QColor(0x9b, 0x3f, 0xb5)),
             1});
    m_rules.append(
            {QRegularExpression(
                     u"(?<=[:\\-\\[,{]\\s)\\s*([-+]?(0x[0-9a-fA-F]+|0o[0-7]+|[0-9]+(\\.[0-9]*)?([eE][-+]?[0-9]+)?))(?=\\s*(#|$|,|\\]|}))"_s),
             textFormat(QColor(0x0b, 0x8a, 0x6e)),
             1});
    m_rules.append({QRegularExpression(u"\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^']|'')*'"_s),
                    textFormat(QColor(0xb3, 0x5c, 0x00)),
                    0});
    m_rules.append({QRegularExpression(u"(?<=\\s|^)([&*][^\\s,\\[\\]{}]+|!!?[\\w/:.-]*)"_s),
                    textFormat(QColor(0xc0, 0x39, 0x2b), false, true),
                    1});
    m_rules.append({QRegularExpression(u"(?<=:\\s)([|>][-+0-9]*)\\s*$"_s),
                    textFormat(QColor(0x7f, 0x8c, 0x8d), true),
                    1});
    m_rules.append({QRegularExpression(u"^(---|\\.\\.\\.)(?=\\s|$)"_s),
                    textFormat(QColor(0x7f, 0x8c, 0x8d), true),
                    1});
    m_comment = textFormat(QColor(0x7f, 0x8c, 0x8d), false, true);
}

void YamlHighlighter::highlightBlock(const QString &text)
{
    for (const Rule &rule : std::as_const(m_rules)) {
        auto it = rule.pattern.globalMatch(text);
        while (it.hasNext()) {
            const QRegularExpressionMatch match = it.next();
            setFormat(static_cast<int>(match.capturedStart(rule.group)),
                      static_cast<int>(match.capturedLength(rule.group)),
                      rule.format);
        }
    }
    // A comment starts at '#' after whitespace (or at the start) outside quotes.
    bool single = false;
    bool dbl = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'\'' && !dbl)
            single = !single;
        else if (c == u'"' && !single)
            dbl = !dbl;
        else if (c == u'#' && !single && !dbl && (i == 0 || text.at(i - 1).isSpace())) {
            setFormat(static_cast<int>(i), static_cast<int>(text.size() - i), m_comment);
            break;
        }
    }
}

} // namespace Meridian
