#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Meridian::Sim {

// Server-side printing (meta.k8s.io/v1 Table): the columns kube-apiserver prints for each
// resource (storage key, "deployments.apps"), with priority 1 for the -o wide ones.
namespace TablePrinter {

QJsonObject table(const QString &resource,
                  const QList<QJsonObject> &objects,
                  const QDateTime &now,
                  const QString &resourceVersion,
                  bool withColumns = true);

} // namespace TablePrinter

} // namespace Meridian::Sim
