#include "sim/selector.h"

#include <QJsonValue>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Meridian::Sim {

namespace {

// Splits on commas that are not inside "in (...)" value sets.
QStringList splitTerms(const QString &text)
{
    QStringList terms;
    QString current;
    int depth = 0;
    for (const QChar c : text) {
        if (c == u'(')
            ++depth;
        else if (c == u')')
            --depth;
        if (c == u',' && depth == 0) {
            terms.append(current.trimmed());
            current.clear();
        } else {
            current.append(c);
        }
    }
    if (!current.trimmed().isEmpty() || !terms.isEmpty())
        terms.append(current.trimmed());
    return terms;
}

Error parseError(const QString &message)
{
    return Error{u"BadRequest"_s, message};
}

} // namespace

Result<Selector> Selector::parseLabels(const QString &text)
{
    Selector selector;
    static const QRegularExpression setTerm(
            uR"(^([A-Za-z0-9./_-]+)\s+(in|notin)\s+\(([^)]*)\)$)"_s);
    for (const QString &term : splitTerms(text)) {
        if (term.isEmpty())
            return parseError(u"unable to parse requirement: found '', expected: identifier"_s);
        Requirement requirement;
        const QRegularExpressionMatch set = setTerm.match(term);
        if (set.hasMatch()) {
            requirement.key = set.captured(1);
            requirement.op = set.captured(2) == u"in" ? Op::In : Op::NotIn;
            for (const QString &value : set.captured(3).split(u','))
                requirement.values.append(value.trimmed());
        } else if (term.startsWith(u'!')) {
            requirement.key = term.mid(1).trimmed();
            requirement.op = Op::DoesNotExist;
        } else if (const qsizetype at = term.indexOf(u"!="); at > 0) {
            requirement.key = term.left(at).trimmed();
            requirement.op = Op::NotEquals;
            requirement.values = {term.mid(at + 2).trimmed()};
        } else if (const qsizetype eq = term.indexOf(u'='); eq > 0) {
            requirement.key = term.left(eq).trimmed();
            const qsizetype valueAt = term.mid(eq).startsWith(u"==") ? eq + 2 : eq + 1;
            requirement.values = {term.mid(valueAt).trimmed()};
        } else {
            requirement.key = term;
            requirement.op = Op::Exists;
        }
        static const QRegularExpression key(
                uR"(^([a-z0-9.-]+/)?[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?$)"_s);
        if (!key.match(requirement.key).hasMatch())
            return parseError(u"unable to parse requirement: invalid label key \"%1\""_s.arg(
                    requirement.key));
        selector.m_requirements.append(requirement);
    }
    return selector;
}

Result<Selector> Selector::parseFields(const QString &text, const QStringList &supported)
{
    Selector selector;
    selector.m_fields = true;
    for (const QString &term : splitTerms(text)) {
        Requirement requirement;
        qsizetype at = term.indexOf(u"!=");
        if (at > 0) {
            requirement.op = Op::NotEquals;
            requirement.key = term.left(at);
            requirement.values = {term.mid(at + 2)};
        } else if (at = term.indexOf(u'='); at > 0) {
            requirement.key = term.left(at);
            requirement.values = {term.mid(term.mid(at).startsWith(u"==") ? at + 2 : at + 1)};
        } else {
            return parseError(u"invalid selector: '%1'; can't understand '%2'"_s.arg(text, term));
        }
        if (requirement.key != u"metadata.name" && requirement.key != u"metadata.namespace"
            && !supported.contains(requirement.key))
            return parseError(u"field label not supported: "_s + requirement.key);
        selector.m_requirements.append(requirement);
    }
    return selector;
}

bool Selector::isEmpty() const
{
    return m_requirements.isEmpty();
}

QString Selector::fieldValue(const QJsonObject &object, const QString &path)
{
    QJsonValue node = object;
    for (const QString &part : path.split(u'.'))
        node = node.toObject().value(part);
    if (node.isBool())
        return node.toBool() ? u"true"_s : u"false"_s;
    if (node.isDouble())
        return QString::number(node.toInteger());
    return node.toString();
}

bool Selector::matches(const QJsonObject &object) const
{
    const QJsonObject labels = object.value(u"metadata").toObject().value(u"labels").toObject();
    for (const Requirement &requirement : m_requirements) {
        const bool present = m_fields || labels.contains(requirement.key);
        const QString value = m_fields ? fieldValue(object, requirement.key)
                                       : labels.value(requirement.key).toString();
        bool ok = true;
        switch (requirement.op) {
        case Op::Equals: ok = present && value == requirement.values.value(0); break;
        case Op::NotEquals: ok = !present || value != requirement.values.value(0); break;
        case Op::In: ok = present && requirement.values.contains(value); break;
        case Op::NotIn: ok = !present || !requirement.values.contains(value); break;
        case Op::Exists: ok = present; break;
        case Op::DoesNotExist: ok = !present; break;
        }
        if (!ok)
            return false;
    }
    return true;
}

} // namespace Meridian::Sim
