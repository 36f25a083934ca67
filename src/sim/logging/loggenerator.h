#pragma once

#include "sim/logging/logseverity.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

namespace Meridian::Sim {

// One container of one simulated pod, as both log paths (the pod /log endpoint and Cloud
// Logging) name it. Everything a generated line depends on, besides the seed and the time.
struct PodIdentity
{
    QString cluster;
    QString location; // the cluster's region (GKE regional clusters), e.g. "asia-northeast1"
    QString namespaceName;
    QString pod;
    QString container;
    QString node;                  // becomes compute.googleapis.com/resource_name
    QMap<QString, QString> labels; // pod labels; Cloud Logging shows them as "k8s-pod/<key>"
    qint64 startedMs = 0;          // no line is older than the container
};

enum class LogStream { Stdout, Stderr };

struct LogLine
{
    qint64 timestampNs = 0; // Unix epoch, nanoseconds
    LogSeverity severity = LogSeverity::Default;
    LogStream stream = LogStream::Stdout;
    QString text;            // exactly what `kubectl logs` prints, without the newline
    QJsonObject jsonPayload; // empty unless the container logs JSON; then text is that JSON
    QJsonObject httpRequest; // access lines: Cloud Logging's HttpRequest, lifted out of the JSON
    QString insertId;        // unique per pod and line, stable across runs

    qint64 timestampMs() const { return timestampNs / 1000000; }
};

// Deterministic container logs: the lines of one container in one simulated second depend only
// on (seed, cluster, namespace, pod, container, second), so any window, read in any order and by
// any number of readers, always gives the same lines. What a container writes follows from its
// name: "web"/"frontend"/"nginx" containers write nginx access lines, "api" containers write
// JSON access lines, everything else writes application lines with levels.
class LogGenerator final
{
public:
    struct Options
    {
        quint64 seed = 1;
        double linesPerSecond = 2.0; // average per container; bursts vary around it
        double errorRate = 0.02;     // 5xx share of access lines, ERROR share of app lines
        double clientErrorRate = 0.05;
    };

    explicit LogGenerator(Options options);

    // A region in trouble: its containers answer 5xx / log errors at errorRate (0..1) instead.
    void setRegionErrorRate(const QString &location, double errorRate);
    void clearRegionErrorRate(const QString &location);

    // Lines with fromMs <= timestamp < toMs, oldest first.
    QList<LogLine> lines(const PodIdentity &pod, qint64 fromMs, qint64 toMs) const;
    // The last count lines with timestamp < toMs, oldest first (kubectl logs --tail); costs
    // about count / linesPerSecond seconds of generation, whatever the pod's age.
    QList<LogLine> lastLines(const PodIdentity &pod, qint64 toMs, int count) const;
    // Every line of one whole second (Unix seconds), oldest first; the unit the others use.
    QList<LogLine> linesInSecond(const PodIdentity &pod, qint64 second) const;

    const Options &options() const;

    // "2025-01-06T00:00:01.123456789Z": Cloud Logging's timestamp form, always nine digits.
    static QString rfc3339Nanos(qint64 timestampNs);

private:
    double errorRateFor(const PodIdentity &pod) const;

    Options m_options;
    QHash<QString, double> m_regionErrorRates;
};

} // namespace Meridian::Sim
