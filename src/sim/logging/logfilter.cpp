#include "sim/logging/logfilter.h"

#include "sim/logging/loggenerator.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QStringList>
#include <QTime>

#include <limits>

using namespace Qt::StringLiterals;

namespace Meridian::Sim {

namespace {

constexpr qsizetype maxFilterLength = 20000;

enum class Tok { End, Word, String, LParen, RParen, Op, And, Or, Not, Minus };
enum class Op { Eq, Ne, Lt, Le, Gt, Ge, Has, Regex, NotRegex };

struct Token
{
    Tok kind = Tok::End;
    QString text;       // the word or the string's unescaped value, or the operator
    QStringList fields; // a word split into a field path, quoted segments kept whole
    qsizetype position = 0;
};

bool isSpecial(QChar c)
{
    return c.isSpace() || c == u'(' || c == u')' || c == u'"' || c == u'=' || c == u'!' || c == u'<'
           || c == u'>' || c == u':' || c == u'~';
}

} // namespace

struct LogFilter::Node
{
    enum class Kind { And, Or, Not, Compare, Global, Leaf } kind = Kind::Leaf;
    std::shared_ptr<const Node> left;
    std::shared_ptr<const Node> right;
    // Compare: the field path, the operator and the value expression (in left).
    QStringList field;
    Op op = Op::Eq;
    // Leaf and Global: the value, prepared for the field it is compared with.
    QString value;
    std::optional<double> number;
    std::optional<LogSeverity> severity;
    std::optional<qint64> timestampNs;
    std::optional<QRegularExpression> regex;
    qsizetype position = 0; // in the filter text, for errors found while preparing a value
};

namespace {

using NodePtr = std::shared_ptr<const LogFilter::Node>;
using Node = LogFilter::Node;

class Parser
{
public:
    explicit Parser(const QString &text)
        : m_text(text)
    {}

    Result<NodePtr> parse();

private:
    std::optional<Error> tokenize();
    const Token &peek() const { return m_tokens[m_index]; }
    Token take() { return m_tokens[m_index < m_tokens.size() - 1 ? m_index++ : m_index]; }

    Result<NodePtr> parseAnd(bool value);
    Result<NodePtr> parseOr(bool value);
    Result<NodePtr> parseUnary(bool value);
    Result<NodePtr> parsePrimary();
    Result<NodePtr> parseValue();
    Result<NodePtr> prepareLeaves(NodePtr node, const QStringList &field, Op op);

    Error syntaxError(const Token &token) const;
    Error invalid(qsizetype position, const QString &what) const;
    QString where(qsizetype position) const;

    const QString &m_text;
    QList<Token> m_tokens;
    qsizetype m_index = 0;
};

QString Parser::where(qsizetype position) const
{
    const QStringView before = QStringView(m_text).left(position);
    const qsizetype line = before.count(u'\n') + 1;
    const qsizetype column = position - (before.lastIndexOf(u'\n') + 1) + 1;
    return u"line %1, column %2"_s.arg(line).arg(column);
}

Error Parser::syntaxError(const Token &token) const
{
    const QString shown = token.kind == Tok::End      ? u"<EOF>"_s
                          : token.kind == Tok::String ? u'"' + token.text + u'"'
                                                      : token.text;
    return Error{u"InvalidArgument"_s,
                 u"Invalid query: Unparseable filter: syntax error at %1, token '%2'"_s
                         .arg(where(token.position), shown)};
}

Error Parser::invalid(qsizetype position, const QString &what) const
{
    return Error{u"InvalidArgument"_s, u"Invalid query: %1 at %2"_s.arg(what, where(position))};
}

std::optional<Error> Parser::tokenize()
{
    const qsizetype n = m_text.size();
    qsizetype i = 0;
    const auto readString = [this, n](qsizetype *at, QString *out) -> bool {
        // *at is on the opening quote; leaves it after the closing one.
        for (qsizetype j = *at + 1; j < n; ++j) {
            const QChar c = m_text[j];
            if (c == u'\\' && j + 1 < n) {
                const QChar e = m_text[++j];
                out->append(e == u'n' ? QChar(u'\n') : e == u't' ? QChar(u'\t') : e);
            } else if (c == u'"') {
                *at = j + 1;
                return true;
            } else {
                out->append(c);
            }
        }
        return false;
    };

    while (true) {
        while (i < n && m_text[i].isSpace())
            ++i;
        Token token;
        token.position = i;
        if (i >= n) {
            m_tokens.append(token);
            return std::nullopt;
        }
        const QChar c = m_text[i];
        const QChar next = i + 1 < n ? m_text[i + 1] : QChar();
        if (c == u'(' || c == u')') {
            token.kind = c == u'(' ? Tok::LParen : Tok::RParen;
            token.text = c;
            ++i;
        } else if (c == u'"') {
            token.kind = Tok::String;
            if (!readString(&i, &token.text))
                return invalid(token.position, u"unterminated string"_s);
        } else if (c == u'=' || c == u'!' || c == u'<' || c == u'>' || c == u':') {
            token.kind = Tok::Op;
            const bool two = (next == u'=' && c != u':' && c != u'=')
                             || (next == u'~' && c != u':' && c != u'<' && c != u'>');
            token.text = m_text.mid(i, two ? 2 : 1);
            if (token.text == u"!")
                return std::optional<Error>(syntaxError(token));
            i += two ? 2 : 1;
        } else if (c == u'-' && !next.isNull() && !next.isSpace()
                   && (m_tokens.isEmpty() || m_tokens.last().kind != Tok::Op)) {
            token.kind = Tok::Minus;
            token.text = u"-"_s;
            ++i;
        } else if (c == u'~') {
            token.text = c;
            return std::optional<Error>(syntaxError(token));
        } else {
            token.kind = Tok::Word;
            QString segment;
            bool quotedLast = false;
            while (i < n) {
                const QChar w = m_text[i];
                if (w == u'"' && (segment.isEmpty() && !token.fields.isEmpty())) {
                    if (!readString(&i, &segment))
                        return invalid(i, u"unterminated string"_s);
                    quotedLast = true;
                    continue;
                }
                if (isSpecial(w))
                    break;
                if (w == u'.' && !quotedLast) {
                    token.fields.append(segment);
                    segment.clear();
                } else if (w == u'.') {
                    token.fields.append(segment);
                    segment.clear();
                    quotedLast = false;
                } else {
                    segment.append(w);
                }
                ++i;
            }
            token.fields.append(segment);
            token.text = m_text.mid(token.position, i - token.position);
            if (token.text == u"AND")
                token.kind = Tok::And;
            else if (token.text == u"OR")
                token.kind = Tok::Or;
            else if (token.text == u"NOT")
                token.kind = Tok::Not;
        }
        m_tokens.append(token);
    }
}

Result<NodePtr> Parser::parse()
{
    if (m_text.size() > maxFilterLength)
        return invalid(maxFilterLength, u"filter longer than 20000 characters"_s);
    if (std::optional<Error> error = tokenize())
        return *error;
    if (peek().kind == Tok::End)
        return NodePtr();
    Result<NodePtr> root = parseAnd(false);
    if (root && peek().kind != Tok::End)
        return syntaxError(peek());
    return root;
}

// Google's precedence: NOT, then OR, then AND (juxtaposition is AND).
Result<NodePtr> Parser::parseAnd(bool value)
{
    Result<NodePtr> left = parseOr(value);
    while (left && peek().kind != Tok::End && peek().kind != Tok::RParen) {
        if (peek().kind == Tok::And)
            take();
        Result<NodePtr> right = parseOr(value);
        if (!right)
            return right;
        auto node = std::make_shared<Node>();
        node->kind = Node::Kind::And;
        node->left = *left;
        node->right = *right;
        left = NodePtr(node);
    }
    return left;
}

Result<NodePtr> Parser::parseOr(bool value)
{
    Result<NodePtr> left = parseUnary(value);
    while (left && peek().kind == Tok::Or) {
        take();
        Result<NodePtr> right = parseUnary(value);
        if (!right)
            return right;
        auto node = std::make_shared<Node>();
        node->kind = Node::Kind::Or;
        node->left = *left;
        node->right = *right;
        left = NodePtr(node);
    }
    return left;
}

Result<NodePtr> Parser::parseUnary(bool value)
{
    if (peek().kind == Tok::Not || peek().kind == Tok::Minus) {
        take();
        Result<NodePtr> operand = parseUnary(value);
        if (!operand)
            return operand;
        auto node = std::make_shared<Node>();
        node->kind = Node::Kind::Not;
        node->left = *operand;
        return NodePtr(node);
    }
    return value ? parseValue() : parsePrimary();
}

Result<NodePtr> Parser::parsePrimary()
{
    const Token token = take();
    if (token.kind == Tok::LParen) {
        Result<NodePtr> inner = parseAnd(false);
        if (!inner)
            return inner;
        if (peek().kind != Tok::RParen)
            return syntaxError(peek());
        take();
        return inner;
    }
    if (token.kind == Tok::Word && peek().kind == Tok::Op) {
        const Token opToken = take();
        static const QHash<QString, Op> ops{{u"="_s, Op::Eq},
                                            {u"!="_s, Op::Ne},
                                            {u"<"_s, Op::Lt},
                                            {u"<="_s, Op::Le},
                                            {u">"_s, Op::Gt},
                                            {u">="_s, Op::Ge},
                                            {u":"_s, Op::Has},
                                            {u"=~"_s, Op::Regex},
                                            {u"!~"_s, Op::NotRegex}};
        const auto op = ops.constFind(opToken.text);
        if (op == ops.cend())
            return syntaxError(opToken);
        Result<NodePtr> rhs = parseValue();
        if (!rhs)
            return rhs;
        Result<NodePtr> prepared = prepareLeaves(*rhs, token.fields, *op);
        if (!prepared)
            return prepared;
        auto node = std::make_shared<Node>();
        node->kind = Node::Kind::Compare;
        node->field = token.fields;
        node->op = *op;
        node->left = *prepared;
        return NodePtr(node);
    }
    if (token.kind == Tok::Word || token.kind == Tok::String) {
        auto node = std::make_shared<Node>();
        node->kind = Node::Kind::Global;
        node->value = token.text;
        return NodePtr(node);
    }
    return syntaxError(token);
}

Result<NodePtr> Parser::parseValue()
{
    const Token token = take();
    if (token.kind == Tok::LParen) {
        Result<NodePtr> inner = parseAnd(true);
        if (!inner)
            return inner;
        if (peek().kind != Tok::RParen)
            return syntaxError(peek());
        take();
        return inner;
    }
    if (token.kind != Tok::Word && token.kind != Tok::String)
        return syntaxError(token);
    auto node = std::make_shared<Node>();
    node->kind = Node::Kind::Leaf;
    node->value = token.text;
    node->position = token.position;
    return NodePtr(node);
}

// Compiles regexes and reads severities, timestamps and numbers once, not once per entry.
Result<NodePtr> Parser::prepareLeaves(NodePtr node, const QStringList &field, Op op)
{
    if (!node)
        return node;
    auto copy = std::make_shared<Node>(*node);
    if (node->kind != Node::Kind::Leaf) {
        for (NodePtr *child : {&copy->left, &copy->right}) {
            Result<NodePtr> prepared = prepareLeaves(*child, field, op);
            if (!prepared)
                return prepared;
            *child = *prepared;
        }
        return NodePtr(copy);
    }
    const qsizetype position = node->position;
    const QString &value = node->value;
    const QString head = field.value(0);
    if (op == Op::Regex || op == Op::NotRegex) {
        QRegularExpression regex(value);
        if (!regex.isValid()) {
            return invalid(position,
                           u"invalid regular expression \"%1\": %2"_s.arg(value,
                                                                          regex.errorString()));
        }
        copy->regex = regex;
    } else if (head == u"severity" && field.size() == 1 && !(op == Op::Has && value == u"*")) {
        copy->severity = severityFromName(value);
        if (!copy->severity)
            return invalid(position, u"unknown severity \"%1\""_s.arg(value));
    } else if (head == u"timestamp" && field.size() == 1 && op != Op::Has) {
        copy->timestampNs = parseRfc3339Nanos(value);
        if (!copy->timestampNs) {
            return invalid(position,
                           u"invalid timestamp \"%1\"; use RFC 3339, e.g. "
                           u"\"2024-05-01T00:00:00Z\""_s.arg(value));
        }
    } else {
        bool ok = false;
        const double number = value.toDouble(&ok);
        if (ok)
            copy->number = number;
    }
    return NodePtr(copy);
}

// One field of an entry, as the comparison sees it.
struct FieldValue
{
    bool present = false;
    QString text;
    std::optional<double> number;
};

FieldValue fromJson(const QJsonValue &value)
{
    FieldValue out;
    switch (value.type()) {
    case QJsonValue::Undefined:
    case QJsonValue::Null: return out;
    case QJsonValue::Bool: out.text = value.toBool() ? u"true"_s : u"false"_s; break;
    case QJsonValue::Double:
        out.number = value.toDouble();
        out.text = QString::number(value.toDouble(), 'g', 17);
        break;
    case QJsonValue::String: {
        out.text = value.toString();
        bool ok = false;
        const double number = out.text.toDouble(&ok);
        if (ok)
            out.number = number;
        break;
    }
    case QJsonValue::Array:
        out.text = QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
        break;
    case QJsonValue::Object:
        out.text
                = QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
        break;
    }
    out.present = true;
    return out;
}

FieldValue fromString(const QString &text, bool present = true)
{
    FieldValue out;
    out.present = present;
    out.text = text;
    return out;
}

FieldValue lookupJson(const QJsonObject &object, const QStringList &field)
{
    if (field.size() == 1)
        return object.isEmpty() ? FieldValue{} : fromJson(object);
    QJsonValue value = object;
    for (qsizetype i = 1; i < field.size(); ++i) {
        if (!value.isObject())
            return {};
        value = value.toObject().value(field[i]);
    }
    return fromJson(value);
}

FieldValue lookupLabel(const QHash<QString, QString> &labels, const QStringList &field, int skip)
{
    if (field.size() <= skip)
        return {};
    // Unquoted keys with dots (compute.googleapis.com/resource_name) arrive split.
    const QString key = field.mid(skip).join(u'.');
    const auto it = labels.constFind(key);
    return it == labels.cend() ? FieldValue{} : fromString(*it);
}

FieldValue lookup(const LogEntryView &entry, const QStringList &field)
{
    const QString &head = field.first();
    if (head == u"logName")
        return fromString(entry.logName, !entry.logName.isEmpty());
    if (head == u"insertId")
        return fromString(entry.insertId, !entry.insertId.isEmpty());
    if (head == u"textPayload")
        return fromString(entry.textPayload, !entry.textPayload.isEmpty());
    if (head == u"jsonPayload")
        return lookupJson(entry.jsonPayload, field);
    if (head == u"httpRequest")
        return lookupJson(entry.httpRequest, field);
    if (head == u"labels")
        return lookupLabel(entry.labels, field, 1);
    if (head == u"resource" && field.value(1) == u"type" && field.size() == 2)
        return fromString(entry.resourceType);
    if (head == u"resource" && field.value(1) == u"labels")
        return lookupLabel(entry.resourceLabels, field, 2);
    return {};
}

template<typename T>
bool ordered(Op op, const T &a, const T &b)
{
    switch (op) {
    case Op::Eq: return a == b;
    case Op::Ne: return !(a == b);
    case Op::Lt: return a < b;
    case Op::Le: return a <= b;
    case Op::Gt: return a > b;
    case Op::Ge: return a >= b;
    default: return false;
    }
}

bool compareLeaf(const LogEntryView &entry, const QStringList &field, Op op, const Node &leaf)
{
    const QString &head = field.first();
    const bool topLevel = field.size() == 1;
    if (topLevel && head == u"severity") {
        if (op == Op::Has && leaf.value == u"*")
            return true;
        const QString name = severityName(entry.severity);
        if (leaf.regex)
            return leaf.regex->match(name).hasMatch() == (op == Op::Regex);
        const int rank = static_cast<int>(entry.severity);
        return ordered(op == Op::Has ? Op::Eq : op, rank, static_cast<int>(*leaf.severity));
    }
    if (topLevel && head == u"timestamp") {
        if (leaf.timestampNs)
            return ordered(op, entry.timestampNs, *leaf.timestampNs);
        const QString text = LogGenerator::rfc3339Nanos(entry.timestampNs);
        if (leaf.regex)
            return leaf.regex->match(text).hasMatch() == (op == Op::Regex);
        return leaf.value == u"*" || text.contains(leaf.value, Qt::CaseInsensitive);
    }

    const FieldValue value = lookup(entry, field);
    switch (op) {
    case Op::Regex: return value.present && leaf.regex->match(value.text).hasMatch();
    case Op::NotRegex: return !value.present || !leaf.regex->match(value.text).hasMatch();
    case Op::Has:
        if (leaf.value == u"*")
            return value.present;
        return value.present && value.text.contains(leaf.value, Qt::CaseInsensitive);
    case Op::Ne: return !compareLeaf(entry, field, Op::Eq, leaf);
    default: break;
    }
    if (!value.present)
        return false;
    if (value.number && leaf.number)
        return ordered(op, *value.number, *leaf.number);
    return ordered(op, value.text.compare(leaf.value, Qt::CaseInsensitive), 0);
}

bool evaluateValue(const LogEntryView &entry, const QStringList &field, Op op, const Node &node)
{
    switch (node.kind) {
    case Node::Kind::And:
        return evaluateValue(entry, field, op, *node.left)
               && evaluateValue(entry, field, op, *node.right);
    case Node::Kind::Or:
        return evaluateValue(entry, field, op, *node.left)
               || evaluateValue(entry, field, op, *node.right);
    case Node::Kind::Not: return !evaluateValue(entry, field, op, *node.left);
    default: return compareLeaf(entry, field, op, node);
    }
}

bool globalMatch(const LogEntryView &entry, const QString &needle)
{
    const auto has
            = [&needle](const QString &text) { return text.contains(needle, Qt::CaseInsensitive); };
    if (has(entry.textPayload) || has(entry.logName) || has(entry.insertId)
        || has(entry.resourceType) || has(severityName(entry.severity)))
        return true;
    for (const QString &value : entry.resourceLabels) {
        if (has(value))
            return true;
    }
    for (const QString &value : entry.labels) {
        if (has(value))
            return true;
    }
    for (const QJsonObject *object : {&entry.jsonPayload, &entry.httpRequest}) {
        if (!object->isEmpty()
            && has(QString::fromUtf8(QJsonDocument(*object).toJson(QJsonDocument::Compact))))
            return true;
    }
    return false;
}

bool evaluate(const LogEntryView &entry, const Node &node)
{
    switch (node.kind) {
    case Node::Kind::And: return evaluate(entry, *node.left) && evaluate(entry, *node.right);
    case Node::Kind::Or: return evaluate(entry, *node.left) || evaluate(entry, *node.right);
    case Node::Kind::Not: return !evaluate(entry, *node.left);
    case Node::Kind::Compare: return evaluateValue(entry, node.field, node.op, *node.left);
    case Node::Kind::Global: return globalMatch(entry, node.value);
    case Node::Kind::Leaf: return false;
    }
    return false;
}

// True when the subtree reads nothing but resource.* and labels.*.
bool containerLevel(const Node &node)
{
    switch (node.kind) {
    case Node::Kind::And:
    case Node::Kind::Or: return containerLevel(*node.left) && containerLevel(*node.right);
    case Node::Kind::Not: return containerLevel(*node.left);
    case Node::Kind::Compare:
        return node.field.first() == u"resource" || node.field.first() == u"labels";
    default: return false;
    }
}

template<typename Visit>
void forEachConjunct(const NodePtr &node, const Visit &visit)
{
    if (!node)
        return;
    if (node->kind == Node::Kind::And) {
        forEachConjunct(node->left, visit);
        forEachConjunct(node->right, visit);
    } else {
        visit(*node);
    }
}

} // namespace

std::optional<qint64> parseRfc3339Nanos(QStringView text)
{
    static const QRegularExpression pattern(
            u"^(\\d{4})-(\\d{2})-(\\d{2})[Tt ](\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,9}))?"
            u"(?:([Zz])|([+-])(\\d{2}):(\\d{2}))$"_s);
    const QRegularExpressionMatch m = pattern.match(text.trimmed().toString());
    if (!m.hasMatch())
        return std::nullopt;
    const QDate date(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    const int hour = m.captured(4).toInt();
    const int minute = m.captured(5).toInt();
    const int second = m.captured(6).toInt();
    if (!date.isValid() || hour > 23 || minute > 59 || second > 60)
        return std::nullopt;
    qint64 seconds = (date.toJulianDay() - QDate(1970, 1, 1).toJulianDay()) * 86400LL + hour * 3600
                     + minute * 60 + second;
    if (m.capturedLength(9) > 0) {
        const qint64 offset = m.captured(10).toInt() * 3600LL + m.captured(11).toInt() * 60LL;
        seconds -= m.captured(9) == u"+" ? offset : -offset;
    }
    const QString fraction = m.captured(7).leftJustified(9, u'0');
    return seconds * 1000000000LL + fraction.toLongLong();
}

LogFilter::LogFilter()
    : m_earliestNs(std::numeric_limits<qint64>::min())
    , m_latestNs(std::numeric_limits<qint64>::max())
{}

LogFilter::~LogFilter() = default;
LogFilter::LogFilter(const LogFilter &) = default;
LogFilter &LogFilter::operator=(const LogFilter &) = default;
LogFilter::LogFilter(LogFilter &&) noexcept = default;
LogFilter &LogFilter::operator=(LogFilter &&) noexcept = default;

Result<LogFilter> LogFilter::parse(const QString &text)
{
    Parser parser(text);
    Result<NodePtr> root = parser.parse();
    if (!root)
        return root.error();
    LogFilter filter;
    filter.m_root = *root;
    forEachConjunct(filter.m_root, [&filter](const Node &node) {
        if (node.kind != Node::Kind::Compare || node.field != QStringList{u"timestamp"_s}
            || node.left->kind != Node::Kind::Leaf || !node.left->timestampNs)
            return;
        const qint64 ns = *node.left->timestampNs;
        switch (node.op) {
        case Op::Eq:
            filter.m_earliestNs = std::max(filter.m_earliestNs, ns);
            filter.m_latestNs = std::min(filter.m_latestNs, ns);
            break;
        case Op::Gt: filter.m_earliestNs = std::max(filter.m_earliestNs, ns + 1); break;
        case Op::Ge: filter.m_earliestNs = std::max(filter.m_earliestNs, ns); break;
        case Op::Lt: filter.m_latestNs = std::min(filter.m_latestNs, ns - 1); break;
        case Op::Le: filter.m_latestNs = std::min(filter.m_latestNs, ns); break;
        default: break;
        }
    });
    return filter;
}

bool LogFilter::matches(const LogEntryView &entry) const
{
    return !m_root || evaluate(entry, *m_root);
}

bool LogFilter::mayMatchContainer(const LogEntryView &container) const
{
    bool may = true;
    forEachConjunct(m_root, [&](const Node &node) {
        if (may && containerLevel(node))
            may = evaluate(container, node);
    });
    return may;
}

qint64 LogFilter::earliestNs() const
{
    return m_earliestNs;
}

qint64 LogFilter::latestNs() const
{
    return m_latestNs;
}

} // namespace Meridian::Sim
