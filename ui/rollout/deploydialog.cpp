#include "deploydialog.h"

#include "yamlhighlighter.h"

#include "rollout/rolloutworker.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QTextBlock>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Meridian {

DeployDialog::DeployDialog(Rollout::RolloutWorker *worker, QWidget *parent)
    : QDialog(parent)
    , m_worker(worker)
    , m_editor(new QPlainTextEdit(this))
    , m_highlighter(new YamlHighlighter(m_editor->document()))
    , m_validation(new QLabel(this))
    , m_waveList(new QListWidget(this))
    , m_pause(new QCheckBox(tr("Pause between waves"), this))
    , m_progress(new QTableWidget(0, 3, this))
    , m_log(new QPlainTextEdit(this))
    , m_open(new QPushButton(tr("Open…"), this))
    , m_dryRun(new QPushButton(tr("Dry Run (Server)"), this))
    , m_deploy(new QPushButton(tr("Deploy"), this))
    , m_continue(new QPushButton(tr("Continue"), this))
    , m_abort(new QPushButton(tr("Abort"), this))
    , m_debounce(new QTimer(this))
{
    setWindowTitle(tr("Deploy to the Federation"));
    setObjectName(QStringLiteral("deployDialog"));
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_editor->setFont(mono);
    m_editor->setObjectName(QStringLiteral("manifestEditor"));
    m_editor->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_editor->setPlaceholderText(tr("Kubernetes YAML, several documents separated by ---"));
    m_validation->setWordWrap(true);
    m_validation->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_validation->setObjectName(QStringLiteral("validation"));
    m_log->setReadOnly(true);
    m_log->setFont(mono);
    m_log->setObjectName(QStringLiteral("deployLog"));
    m_waveList->setToolTip(tr("Checked clusters roll out first; the rest follow once they are "
                              "Available. None checked: all at once."));
    m_waveList->setMaximumHeight(110);
    m_progress->setHorizontalHeaderLabels({tr("Cluster"), tr("State"), tr("Progress")});
    m_progress->horizontalHeader()->setStretchLastSection(true);
    m_progress->verticalHeader()->hide();
    m_progress->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_progress->setObjectName(QStringLiteral("deployProgress"));

    auto *waves = new QVBoxLayout;
    waves->addWidget(new QLabel(tr("First wave:"), this));
    waves->addWidget(m_waveList);
    waves->addWidget(m_pause);
    waves->addStretch();
    auto *top = new QHBoxLayout;
    top->addWidget(m_editor, 3);
    top->addLayout(waves, 1);
    auto *topWidget = new QWidget(this);
    topWidget->setLayout(top);
    top->setContentsMargins(0, 0, 0, 0);

    auto *bottom = new QSplitter(Qt::Horizontal, this);
    bottom->addWidget(m_progress);
    bottom->addWidget(m_log);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(topWidget);
    splitter->addWidget(bottom);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_open);
    buttons->addStretch();
    buttons->addWidget(m_dryRun);
    buttons->addWidget(m_deploy);
    buttons->addWidget(m_continue);
    buttons->addWidget(m_abort);
    auto *close = new QPushButton(tr("Close"), this);
    buttons->addWidget(close);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);
    layout->addWidget(m_validation);
    layout->addLayout(buttons);
    resize(1000, 720);

    m_continue->setEnabled(false);
    m_abort->setEnabled(false);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(300);
    connect(m_editor, &QPlainTextEdit::textChanged, this, &DeployDialog::scheduleValidation);
    connect(m_debounce, &QTimer::timeout, this, [this] {
        if (!m_worker)
            return;
        const quint64 generation = ++m_generation;
        const QByteArray text = m_editor->toPlainText().toUtf8();
        const QString source = m_source.isEmpty() ? tr("editor") : m_source;
        m_worker->post([generation, text, source](Rollout::RolloutWorker *w) {
            w->validate(generation, text, source);
        });
    });
    connect(m_open, &QPushButton::clicked, this, &DeployDialog::openFile);
    connect(m_dryRun, &QPushButton::clicked, this, &DeployDialog::dryRun);
    connect(m_deploy, &QPushButton::clicked, this, &DeployDialog::deploy);
    connect(m_continue, &QPushButton::clicked, this, &DeployDialog::proceed);
    connect(m_abort, &QPushButton::clicked, this, &DeployDialog::abort);
    connect(close, &QPushButton::clicked, this, &QDialog::hide);
    if (m_worker) {
        connect(m_worker, &Rollout::RolloutWorker::validated, this, &DeployDialog::onValidated);
        connect(m_worker, &Rollout::RolloutWorker::deployEvent, this, &DeployDialog::onEvent);
        connect(m_worker, &Rollout::RolloutWorker::deployProgress, this, &DeployDialog::onProgress);
        connect(m_worker, &Rollout::RolloutWorker::deployWaiting, this, &DeployDialog::onWaiting);
        connect(m_worker, &Rollout::RolloutWorker::deployFinished, this, &DeployDialog::onFinished);
    }
    scheduleValidation();
}

DeployDialog::~DeployDialog() = default;

void DeployDialog::setClusters(const QStringList &clusters)
{
    QStringList checked = firstWave();
    m_waveList->clear();
    for (const QString &c : clusters) {
        auto *item = new QListWidgetItem(c, m_waveList);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(checked.contains(c) ? Qt::Checked : Qt::Unchecked);
    }
}

void DeployDialog::setManifest(const QString &text, const QString &source)
{
    m_source = source;
    m_editor->setPlainText(text);
}

QString DeployDialog::manifest() const
{
    return m_editor->toPlainText();
}

QString DeployDialog::validationText() const
{
    return m_validation->text();
}

QStringList DeployDialog::firstWave() const
{
    QStringList clusters;
    for (int i = 0; i < m_waveList->count(); ++i) {
        if (m_waveList->item(i)->checkState() == Qt::Checked)
            clusters.append(m_waveList->item(i)->text());
    }
    return clusters;
}

void DeployDialog::setFirstWave(const QStringList &clusters)
{
    for (int i = 0; i < m_waveList->count(); ++i) {
        QListWidgetItem *item = m_waveList->item(i);
        item->setCheckState(clusters.contains(item->text()) ? Qt::Checked : Qt::Unchecked);
    }
}

void DeployDialog::setPauseBetweenWaves(bool pause)
{
    m_pause->setChecked(pause);
}

void DeployDialog::proceed()
{
    if (!m_worker || !m_continue->isEnabled())
        return;
    m_continue->setEnabled(false);
    m_worker->post([](Rollout::RolloutWorker *w) { w->proceed(); });
}

void DeployDialog::abort()
{
    if (!m_worker || !m_running)
        return;
    m_worker->post([](Rollout::RolloutWorker *w) { w->abort(); });
}

void DeployDialog::openFile()
{
    const QString name
            = QFileDialog::getOpenFileName(this,
                                           tr("Open Manifest"),
                                           QString(),
                                           tr("YAML (*.yaml *.yml *.json);;All files (*)"));
    if (name.isEmpty())
        return;
    QFile file(name);
    if (!file.open(QIODevice::ReadOnly)) {
        m_validation->setText(tr("Cannot read %1: %2").arg(name, file.errorString()));
        return;
    }
    setManifest(QString::fromUtf8(file.readAll()), name);
}

void DeployDialog::scheduleValidation()
{
    m_valid = false;
    m_dryRun->setEnabled(false);
    m_deploy->setEnabled(false);
    m_debounce->start();
}

void DeployDialog::markLine(int line)
{
    QList<QTextEdit::ExtraSelection> selections;
    if (line > 0) {
        QTextEdit::ExtraSelection mark;
        mark.format.setBackground(QColor(255, 80, 80, 60));
        mark.format.setProperty(QTextFormat::FullWidthSelection, true);
        mark.cursor = QTextCursor(m_editor->document()->findBlockByNumber(line - 1));
        selections.append(mark);
    }
    m_editor->setExtraSelections(selections);
}

void DeployDialog::onValidated(quint64 generation, const QString &error, int line, int objects)
{
    if (generation != m_generation)
        return; // an older text's answer
    m_valid = error.isEmpty();
    markLine(m_valid ? 0 : line);
    if (m_valid)
        m_validation->setText(objects == 1 ? tr("1 object, ready to deploy.")
                                           : tr("%1 objects, ready to deploy.").arg(objects));
    else
        m_validation->setText(
                u"<span style='color:#c0392b'>%1</span>"_s.arg(error.toHtmlEscaped()));
    m_dryRun->setEnabled(m_valid && !m_running);
    m_deploy->setEnabled(m_valid && !m_running);
    emit validationFinished(m_valid);
}

void DeployDialog::setRunning(bool running)
{
    m_running = running;
    m_dryRun->setEnabled(!running && m_valid);
    m_deploy->setEnabled(!running && m_valid);
    m_abort->setEnabled(running && !m_dryRunning);
    m_open->setEnabled(!running);
    if (!running)
        m_continue->setEnabled(false);
}

void DeployDialog::dryRun()
{
    if (!m_worker || !m_valid)
        return;
    m_log->clear();
    m_dryRunning = true;
    setRunning(true);
    const QByteArray text = m_editor->toPlainText().toUtf8();
    const QString source = m_source.isEmpty() ? tr("editor") : m_source;
    m_log->appendPlainText(tr("Server dry run (dryRun=All): nothing is stored."));
    m_worker->post([text, source](Rollout::RolloutWorker *w) {
        w->deploy(text, source, {}, false, true);
    });
}

void DeployDialog::deploy()
{
    if (!m_worker || !m_valid)
        return;
    m_log->clear();
    m_progress->setRowCount(0);
    m_dryRunning = false;
    setRunning(true);
    const QByteArray text = m_editor->toPlainText().toUtf8();
    const QString source = m_source.isEmpty() ? tr("editor") : m_source;
    const QStringList wave = firstWave();
    const bool pause = m_pause->isChecked();
    m_worker->post([text, source, wave, pause](Rollout::RolloutWorker *w) {
        w->deploy(text, source, wave, pause, false);
    });
}

void DeployDialog::onEvent(const QString &cluster, const QString &text, bool ok)
{
    if (!m_running)
        return;
    const QString line = cluster.isEmpty() ? text : cluster + u": "_s + text;
    m_log->appendPlainText(ok ? line : tr("error: %1").arg(line));
}

void DeployDialog::onProgress(const QString &cluster, const Rollout::RolloutState &state)
{
    int row = 0;
    for (; row < m_progress->rowCount(); ++row) {
        if (m_progress->item(row, 0)->text() == cluster)
            break;
    }
    if (row == m_progress->rowCount()) {
        m_progress->insertRow(row);
        m_progress->setItem(row, 0, new QTableWidgetItem(cluster));
        m_progress->setItem(row, 1, new QTableWidgetItem);
        m_progress->setItem(row, 2, new QTableWidgetItem);
    }
    m_progress->item(row, 1)->setText(Rollout::phaseName(state.phase));
    QString progress = tr("%1 updated, %2 ready, %3 available of %4")
                               .arg(state.updated)
                               .arg(state.ready)
                               .arg(state.available)
                               .arg(state.desired);
    if (!state.problems.isEmpty())
        progress += u" — "_s + state.problemSummary();
    m_progress->item(row, 2)->setText(progress);
    m_progress->item(row, 2)->setToolTip(state.message);
}

void DeployDialog::onWaiting(int nextWave, const QStringList &clusters)
{
    m_log->appendPlainText(tr("Wave %1 is Available. Continue with wave %2 (%3)?")
                                   .arg(nextWave)
                                   .arg(nextWave + 1)
                                   .arg(clusters.join(u", "_s)));
    m_continue->setEnabled(true);
}

void DeployDialog::onFinished(bool ok, const QString &message)
{
    if (!m_running)
        return;
    if (m_dryRunning)
        m_log->appendPlainText(ok ? tr("Dry run finished.") : tr("Dry run failed."));
    else if (ok)
        m_log->appendPlainText(tr("Rolled out on every cluster."));
    else
        m_log->appendPlainText(tr("Stopped: %1").arg(message));
    m_dryRunning = false;
    setRunning(false);
    emit deployFinished(ok);
}

} // namespace Meridian
