#pragma once

#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace Meridian {

// YAML for the deploy editor: keys, comments, quoted strings, numbers, booleans and null,
// document markers, anchors/aliases/tags and block scalar indicators. Line by line, no state
// across lines beyond what QSyntaxHighlighter keeps (block scalars are left plain).
class YamlHighlighter final : public QSyntaxHighlighter
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(YamlHighlighter)

public:
    explicit YamlHighlighter(QTextDocument *document);

protected:
    void highlightBlock(const QString &text) override;

private:
    struct Rule
    {
        QRegularExpression pattern;
        QTextCharFormat format;
        int group = 0;
    };
    QList<Rule> m_rules;
    QTextCharFormat m_comment;
};

} // namespace Meridian
