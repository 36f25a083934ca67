#include "projection.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <simdjson.h>

#include <charconv>
#include <string>
#include <string_view>

namespace Meridian::Kube {

namespace dom = simdjson::dom;

struct Projection::Node
{
    std::string name; // empty for `*`
    QString qname;
    bool any = false;
    bool whole = true; // no braces: the value is kept as it is
    std::vector<Node> children;

    bool matches(std::string_view key) const { return any || key == name; }
};

namespace {

// Recursive descent over the spec; `at` is the offset of the next character.
class SpecParser
{
public:
    explicit SpecParser(QByteArrayView spec)
        : m_spec(spec)
    {}

    std::optional<std::vector<Projection::Node>> fields(QString *error)
    {
        std::vector<Projection::Node> out;
        for (;;) {
            skipSpaces();
            const qsizetype start = m_at;
            while (m_at < m_spec.size() && !isSpecial(m_spec[m_at]))
                ++m_at;
            if (m_at == start) {
                *error = Projection::tr("expected a field name at offset %1").arg(start);
                return std::nullopt;
            }
            Projection::Node node;
            node.name.assign(m_spec.data() + start, std::size_t(m_at - start));
            node.any = node.name == "*";
            if (node.any)
                node.name.clear();
            node.qname = QString::fromUtf8(m_spec.sliced(start, m_at - start));
            skipSpaces();
            if (m_at < m_spec.size() && m_spec[m_at] == '{') {
                ++m_at;
                auto children = fields(error);
                if (!children)
                    return std::nullopt;
                skipSpaces();
                if (m_at >= m_spec.size() || m_spec[m_at] != '}') {
                    *error = Projection::tr("expected \"}\" at offset %1").arg(m_at);
                    return std::nullopt;
                }
                ++m_at;
                node.whole = false;
                node.children = std::move(*children);
            }
            out.push_back(std::move(node));
            skipSpaces();
            if (m_at < m_spec.size() && m_spec[m_at] == ',') {
                ++m_at;
                continue;
            }
            return out;
        }
    }

    bool atEnd()
    {
        skipSpaces();
        return m_at >= m_spec.size();
    }
    qsizetype offset() const { return m_at; }

private:
    static bool isSpecial(char c) { return c == ',' || c == '{' || c == '}' || c == ' '; }
    void skipSpaces()
    {
        while (m_at < m_spec.size() && (m_spec[m_at] == ' ' || m_spec[m_at] == '\n'))
            ++m_at;
    }

    QByteArrayView m_spec;
    qsizetype m_at = 0;
};

const Projection::Node *find(const std::vector<Projection::Node> &fields, std::string_view key)
{
    for (const Projection::Node &node : fields) {
        if (node.matches(key))
            return &node;
    }
    return nullptr;
}

// --- QJsonObject path ---

QJsonValue applyValue(const QJsonValue &value, const Projection::Node &node);

QJsonObject applyObject(const QJsonObject &object, const std::vector<Projection::Node> &fields)
{
    QJsonObject out;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (it->isNull() || it->isUndefined())
            continue;
        const QByteArray key = it.key().toUtf8();
        if (const Projection::Node *node = find(fields, std::string_view(key.data(), key.size())))
            out.insert(it.key(), applyValue(*it, *node));
    }
    return out;
}

QJsonValue applyValue(const QJsonValue &value, const Projection::Node &node)
{
    if (node.whole)
        return value;
    if (value.isObject())
        return applyObject(value.toObject(), node.children);
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue &element : value.toArray())
            out.append(element.isObject()
                               ? QJsonValue(applyObject(element.toObject(), node.children))
                               : element);
        return out;
    }
    return value;
}

// --- simdjson path: writes compact JSON straight from the parsed document ---

void writeString(std::string_view s, std::string &out)
{
    out.push_back('"');
    std::size_t plain = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(s.data() + plain, i - plain);
        plain = i + 1;
        switch (c) {
        case '"': out.append("\\\""); break;
        case '\\': out.append("\\\\"); break;
        case '\n': out.append("\\n"); break;
        case '\r': out.append("\\r"); break;
        case '\t': out.append("\\t"); break;
        case '\b': out.append("\\b"); break;
        case '\f': out.append("\\f"); break;
        default: {
            static constexpr char hex[] = "0123456789abcdef";
            const char escaped[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xf]};
            out.append(escaped, sizeof escaped);
        }
        }
    }
    out.append(s.data() + plain, s.size() - plain);
    out.push_back('"');
}

template<typename Number>
void writeNumber(Number n, std::string &out)
{
    char buffer[32];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, n);
    out.append(buffer, ec == std::errc() ? std::size_t(end - buffer) : 0);
}

// Writes `element` as compact JSON, keeping only `fields` of each object (of each object in an
// array too) and leaving nulls out there; everything, nulls included, when `fields` is null.
void write(dom::element element, const std::vector<Projection::Node> *fields, std::string &out)
{
    switch (element.type()) {
    case dom::element_type::ARRAY: {
        out.push_back('[');
        bool first = true;
        for (dom::element child : dom::array(element)) {
            if (!first)
                out.push_back(',');
            first = false;
            write(child, fields, out);
        }
        out.push_back(']');
        break;
    }
    case dom::element_type::OBJECT: {
        out.push_back('{');
        bool first = true;
        for (dom::key_value_pair field : dom::object(element)) {
            const std::vector<Projection::Node> *childFields = nullptr;
            if (fields) {
                const Projection::Node *node
                        = field.value.is_null() ? nullptr : find(*fields, field.key);
                if (!node)
                    continue;
                childFields = node->whole ? nullptr : &node->children;
            }
            if (!first)
                out.push_back(',');
            first = false;
            writeString(field.key, out);
            out.push_back(':');
            write(field.value, childFields, out);
        }
        out.push_back('}');
        break;
    }
    case dom::element_type::STRING: writeString(std::string_view(element), out); break;
    case dom::element_type::INT64: writeNumber(int64_t(element), out); break;
    case dom::element_type::UINT64: writeNumber(uint64_t(element), out); break;
    case dom::element_type::DOUBLE: writeNumber(double(element), out); break;
    case dom::element_type::BOOL: out.append(bool(element) ? "true" : "false"); break;
    case dom::element_type::NULL_VALUE: out.append("null"); break;
    }
}

// The strings at `path` below `element`; an array stands for each of its elements.
void collect(dom::element element,
             const std::vector<std::string> &path,
             std::size_t depth,
             QStringList &out)
{
    if (element.type() == dom::element_type::ARRAY) {
        for (dom::element child : dom::array(element))
            collect(child, path, depth, out);
        return;
    }
    if (depth == path.size()) {
        if (element.type() == dom::element_type::STRING) {
            const std::string_view s(element);
            out.append(QString::fromUtf8(s.data(), qsizetype(s.size())));
        }
        return;
    }
    dom::element child;
    if (element.type() == dom::element_type::OBJECT
        && dom::object(element)[path[depth]].get(child) == simdjson::SUCCESS)
        collect(child, path, depth + 1, out);
}

void collect(const QJsonValue &value,
             const std::vector<std::string> &path,
             std::size_t depth,
             QStringList &out)
{
    if (value.isArray()) {
        for (const QJsonValue &child : value.toArray())
            collect(child, path, depth, out);
        return;
    }
    if (depth == path.size()) {
        if (value.isString())
            out.append(value.toString());
        return;
    }
    if (value.isObject())
        collect(value.toObject().value(
                        QLatin1StringView(path[depth].data(), qsizetype(path[depth].size()))),
                path,
                depth + 1,
                out);
}

QString stringAt(dom::element object, std::string_view a, std::string_view b)
{
    std::string_view s;
    if (object[a][b].get(s) != simdjson::SUCCESS)
        return {};
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

// One parser per thread, reused: its buffers grow to the largest page and stay (a few MB for
// pages of 500 pods), instead of an allocation per page.
thread_local std::unique_ptr<dom::parser> t_parser;

dom::parser &threadParser()
{
    if (!t_parser)
        t_parser = std::make_unique<dom::parser>();
    return *t_parser;
}

simdjson::simdjson_result<dom::element> parseBytes(QByteArrayView bytes, const QByteArray *owner)
{
    // simdjson reads up to SIMDJSON_PADDING bytes past the end: a body with that much spare
    // capacity is parsed in place, anything else is copied into the parser's padded buffer.
    const bool padded
            = owner && owner->capacity() - owner->size() >= qsizetype(simdjson::SIMDJSON_PADDING);
    return threadParser().parse(bytes.data(), std::size_t(bytes.size()), !padded);
}

} // namespace

Projection::Projection(std::shared_ptr<const std::vector<Node>> fields)
    : m_fields(std::move(fields))
{}

Result<Projection> Projection::parse(QByteArrayView spec)
{
    SpecParser parser(spec);
    QString error;
    auto fields = parser.fields(&error);
    if (!fields)
        return Result<Projection>::failure(QStringLiteral("ParseError"), error);
    if (!parser.atEnd()) {
        return Result<Projection>::failure(QStringLiteral("ParseError"),
                                           tr("unexpected \"%1\" at offset %2")
                                                   .arg(QChar::fromLatin1(spec[parser.offset()]))
                                                   .arg(parser.offset()));
    }
    return Projection(std::make_shared<const std::vector<Node>>(std::move(*fields)));
}

Projection Projection::withIndex(QByteArrayView path) const
{
    Projection copy = *this;
    copy.m_indexPath.clear();
    for (const QByteArray &part : path.toByteArray().split('.'))
        copy.m_indexPath.emplace_back(part.constData(), std::size_t(part.size()));
    return copy;
}

QStringList Projection::indexValues(const QJsonObject &object) const
{
    QStringList out;
    if (hasIndex())
        collect(QJsonValue(object), m_indexPath, 0, out);
    return out;
}

QStringList Projection::indexValuesOfJson(QByteArrayView json) const
{
    QStringList out;
    dom::element element;
    if (hasIndex() && parseBytes(json, nullptr).get(element) == simdjson::SUCCESS)
        collect(element, m_indexPath, 0, out);
    return out;
}

void Projection::releaseParserMemory()
{
    t_parser.reset();
}

QJsonObject Projection::apply(const QJsonObject &object) const
{
    return applyObject(object, *m_fields);
}

Result<QByteArray> Projection::applyToJson(QByteArrayView json) const
{
    dom::element element;
    if (const auto error = parseBytes(json, nullptr).get(element)) {
        return Result<QByteArray>::failure(QStringLiteral("ParseError"),
                                           tr("not JSON: %1")
                                                   .arg(QString::fromUtf8(
                                                           simdjson::error_message(error))));
    }
    if (element.type() != dom::element_type::OBJECT)
        return Result<QByteArray>::failure(QStringLiteral("ParseError"), tr("not a JSON object"));
    std::string out;
    write(element, m_fields.get(), out);
    return QByteArray(out.data(), qsizetype(out.size()));
}

Result<Projection::Page> Projection::projectListPage(const QByteArray &body) const
{
    dom::element root;
    if (const auto error = parseBytes(body, &body).get(root)) {
        return Result<Page>::failure(QStringLiteral("ParseError"),
                                     tr("the list response is not JSON: %1")
                                             .arg(QString::fromUtf8(
                                                     simdjson::error_message(error))));
    }
    if (root.type() != dom::element_type::OBJECT) {
        return Result<Page>::failure(QStringLiteral("ParseError"),
                                     tr("the list response is not a JSON object"));
    }
    Page page;
    page.resourceVersion = stringAt(root, "metadata", "resourceVersion");
    page.continueToken = stringAt(root, "metadata", "continue");
    dom::element items;
    if (root["items"].get(items) != simdjson::SUCCESS || items.is_null())
        return page; // an empty list may come without items
    if (items.type() != dom::element_type::ARRAY) {
        return Result<Page>::failure(QStringLiteral("ParseError"),
                                     tr("the list response's \"items\" is not an array"));
    }
    const dom::array array(items);
    page.items.reserve(qsizetype(array.size()));
    std::string out;
    qsizetype index = 0;
    for (dom::element item : array) {
        if (item.type() != dom::element_type::OBJECT) {
            return Result<Page>::failure(QStringLiteral("ParseError"),
                                         tr("item %1 of the list response is not an object")
                                                 .arg(index));
        }
        out.clear();
        write(item, m_fields.get(), out);
        Item projected{stringAt(item, "metadata", "namespace") + u'/'
                               + stringAt(item, "metadata", "name"),
                       QByteArray(out.data(), qsizetype(out.size())),
                       {}};
        if (hasIndex())
            collect(item, m_indexPath, 0, projected.index);
        page.items.append(std::move(projected));
        ++index;
    }
    return page;
}

} // namespace Meridian::Kube
