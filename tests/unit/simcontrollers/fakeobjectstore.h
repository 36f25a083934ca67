#pragma once

#include "sim/controllers/objectstore.h"

#include <QDateTime>
#include <QHash>
#include <QMap>

namespace Meridian::Sim::Controllers::Testing {

// An in-memory ObjectStore with the apiserver rules controllers rely on: uid, resourceVersion
// and creationTimestamp on create, generation bumped only when spec changes, status written
// only through updateStatus for resources that have a status subresource.
class FakeObjectStore final : public ObjectStore
{
public:
    QList<QJsonObject> list(const QString &resource, const QString &ns) const override;
    std::optional<QJsonObject> get(const QString &resource,
                                   const QString &ns,
                                   const QString &name) const override;
    QJsonObject create(const QString &resource, QJsonObject object) override;
    QJsonObject update(const QString &resource, QJsonObject object) override;
    QJsonObject updateStatus(const QString &resource, QJsonObject object) override;
    void remove(const QString &resource, const QString &ns, const QString &name) override;

    void setNow(const QDateTime &now);
    int writes(const QString &resource) const;

private:
    static QString key(const QJsonObject &object);
    QJsonObject stamp(QJsonObject object);

    QHash<QString, QMap<QString, QJsonObject>> m_objects;
    QHash<QString, int> m_writes;
    QDateTime m_now;
    quint64 m_resourceVersion = 100;
    quint64 m_uids = 0;
};

} // namespace Meridian::Sim::Controllers::Testing
