#include "consoleselection.h"

namespace Meridian {

ConsoleSelection::ConsoleSelection(QObject *parent)
    : QObject(parent)
{}

void ConsoleSelection::setClusters(const QStringList &contexts,
                                   const QString &current,
                                   bool takeFocus)
{
    QStringList clusters = contexts;
    clusters.removeAll(QString());
    clusters.removeDuplicates();
    if (!current.isEmpty() && !clusters.contains(current))
        clusters.append(current);
    QString now = current;
    if (now.isEmpty() || !clusters.contains(now))
        now = clusters.isEmpty() ? QString() : clusters.constLast();
    const bool changed = clusters != m_clusters || now != m_currentCluster;
    m_clusters = clusters;
    m_currentCluster = now;
    if (changed)
        emit clustersChanged();
    if (takeFocus)
        setFocus(m_clusters.isEmpty() ? (m_workload.isEmpty() ? Focus::None : Focus::Workload)
                                      : Focus::Cluster);
}

void ConsoleSelection::setWorkload(const QString &key, bool takeFocus)
{
    if (key != m_workload) {
        m_workload = key;
        emit workloadChanged();
    }
    if (takeFocus)
        setFocus(m_workload.isEmpty() ? (m_clusters.isEmpty() ? Focus::None : Focus::Cluster)
                                      : Focus::Workload);
}

void ConsoleSelection::removeClusters(const QStringList &contexts)
{
    QStringList remaining = m_clusters;
    for (const QString &context : contexts)
        remaining.removeAll(context);
    if (remaining == m_clusters)
        return;
    const QString current = remaining.contains(m_currentCluster)
                                    ? m_currentCluster
                                    : (remaining.isEmpty() ? QString() : remaining.constLast());
    const bool showingClusters = m_focus == Focus::Cluster;
    m_clusters = remaining;
    m_currentCluster = current;
    emit clustersChanged();
    if (showingClusters && m_clusters.isEmpty())
        setFocus(m_workload.isEmpty() ? Focus::None : Focus::Workload);
}

void ConsoleSelection::setFocus(Focus focus)
{
    if (focus == m_focus)
        return;
    m_focus = focus;
    emit focusChanged();
}

void ConsoleSelection::clear()
{
    setClusters({}, {}, false);
    setWorkload({}, false);
    setFocus(Focus::None);
}

} // namespace Meridian
