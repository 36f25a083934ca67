#include "karmadapaths.h"

#include "kubeconfig.h"

#include <QUrl>

namespace Meridian::Kube {

QString karmadaClustersPath()
{
    return QStringLiteral("/apis/cluster.karmada.io/v1alpha1/clusters");
}

QString karmadaProxyPath(const QString &cluster, const QString &memberPath)
{
    QString path = memberPath;
    if (!path.startsWith(u'/'))
        path.prepend(u'/');
    return karmadaClustersPath() + u'/' + QString::fromLatin1(QUrl::toPercentEncoding(cluster))
           + QStringLiteral("/proxy") + path;
}

QString defaultKarmadaContext(const Kubeconfig &config)
{
    if (config.findContext(QStringLiteral("karmada")))
        return QStringLiteral("karmada");
    if (!config.currentContext.isEmpty())
        return config.currentContext;
    return config.contextNames().value(0);
}

} // namespace Meridian::Kube
