#pragma once

#include "core/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Meridian::Sim {

// labelSelector and fieldSelector as kube-apiserver parses and applies them on list and watch.
class Selector final
{
public:
    // "app=web,tier!=db,env in (a,b),!legacy". Error code "BadRequest" on bad syntax.
    static Result<Selector> parseLabels(const QString &text);
    // "metadata.name=x,status.phase!=Running"; fields outside `supported` (and metadata.name,
    // metadata.namespace, which every resource has) give "field label not supported: X".
    static Result<Selector> parseFields(const QString &text, const QStringList &supported);

    bool isEmpty() const;
    // Labels: the object's metadata.labels. Fields: dotted paths into the object.
    bool matches(const QJsonObject &object) const;

private:
    enum class Op { Equals, NotEquals, In, NotIn, Exists, DoesNotExist };
    struct Requirement
    {
        QString key;
        Op op = Op::Equals;
        QStringList values;
    };

    static QString fieldValue(const QJsonObject &object, const QString &path);

    bool m_fields = false;
    QList<Requirement> m_requirements;
};

} // namespace Meridian::Sim
