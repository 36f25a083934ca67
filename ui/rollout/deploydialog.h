#pragma once

#include "rollout/rolloutstatus.h"

#include <QDialog>
#include <QPointer>

class QCheckBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;
class QTimer;

namespace Meridian {

namespace Rollout {
class RolloutWorker;
}
class YamlHighlighter;

// Deploy a manifest to the federation: a YAML editor with highlighting, validation as you type
// (on the worker thread, the error's line marked), the first wave and a pause between waves,
// a server dry run with the diff against the live objects, then the rollout with per-cluster
// progress, continue and abort. The text is never lost: closing only hides the dialog.
class DeployDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeployDialog)

public:
    DeployDialog(Rollout::RolloutWorker *worker, QWidget *parent = nullptr);
    ~DeployDialog() override;

    void setClusters(const QStringList &clusters);
    void setManifest(const QString &text, const QString &source = {});
    QString manifest() const;
    QString validationText() const;
    QStringList firstWave() const;
    void setFirstWave(const QStringList &clusters);
    void setPauseBetweenWaves(bool pause);
    QPlainTextEdit *editor() const { return m_editor; }
    QPlainTextEdit *log() const { return m_log; }

public slots:
    void openFile();
    void dryRun();
    void deploy();
    void proceed(); // the next wave, after a pause between waves
    void abort();

signals:
    void validationFinished(bool ok);
    void deployFinished(bool ok);

private:
    void scheduleValidation();
    void onValidated(quint64 generation, const QString &error, int line, int objects);
    void onEvent(const QString &cluster, const QString &text, bool ok);
    void onProgress(const QString &cluster, const Rollout::RolloutState &state);
    void onWaiting(int nextWave, const QStringList &clusters);
    void onFinished(bool ok, const QString &message);
    void setRunning(bool running);
    void markLine(int line);

    QPointer<Rollout::RolloutWorker> m_worker;
    QPlainTextEdit *m_editor;
    YamlHighlighter *m_highlighter;
    QLabel *m_validation;
    QListWidget *m_waveList;
    QCheckBox *m_pause;
    QTableWidget *m_progress;
    QPlainTextEdit *m_log;
    QPushButton *m_open;
    QPushButton *m_dryRun;
    QPushButton *m_deploy;
    QPushButton *m_continue;
    QPushButton *m_abort;
    QTimer *m_debounce;
    QString m_source;
    quint64 m_generation = 0;
    bool m_valid = false;
    bool m_running = false;
    bool m_dryRunning = false;
};

} // namespace Meridian
