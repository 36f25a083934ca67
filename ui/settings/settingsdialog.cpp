#include "settingsdialog.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Meridian {

namespace {

enum Tab { ConnectionTab, LocationsTab, AppearanceTab };

QString defaultKubeconfigText()
{
    if (qEnvironmentVariableIsSet("KUBECONFIG") && !qEnvironmentVariableIsEmpty("KUBECONFIG"))
        return SettingsDialog::tr("No files listed: Meridian reads $KUBECONFIG (%1), as kubectl "
                                  "does.")
                .arg(qEnvironmentVariable("KUBECONFIG"));
    return SettingsDialog::tr("No files listed: Meridian reads $KUBECONFIG, else %1, as kubectl "
                              "does.")
            .arg(QDir::toNativeSeparators(QDir::home().filePath(QStringLiteral(".kube/config"))));
}

} // namespace

SettingsDialog::SettingsDialog(const ConsoleSettings &settings,
                               const QStringList &knownClusters,
                               QWidget *parent)
    : QDialog(parent)
    , m_initial(settings)
    , m_knownClusters(knownClusters)
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings — Meridian"));
    m_tabs = new QTabWidget;
    m_tabs->addTab(createConnectionPage(), tr("Co&nnection"));
    m_tabs->addTab(createLocationsPage(), tr("&Locations"));
    m_tabs->addTab(createAppearancePage(), tr("Appearanc&e"));

    m_error = new QLabel;
    m_error->setObjectName(QStringLiteral("settingsError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("QLabel { color: #C0392B; font-weight: bold; }"));
    m_error->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Apply
                                         | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    connect(buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this, [this] {
        apply();
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    // Fill from the settings; contexts come from the kubeconfig those settings name.
    for (const QString &file : settings.kubeconfigFiles)
        m_files->addItem(file);
    m_direct->setChecked(settings.engine == Federation::Engine::Direct);
    m_karmada->setChecked(settings.engine == Federation::Engine::Karmada);
    m_theme->setCurrentIndex(m_theme->findData(ConsoleSettings::themeName(settings.theme)));
    m_language->setCurrentIndex(std::max(0, m_language->findData(settings.language)));
    reloadContexts();
    fillLocations();
    updateEngineWidgets();
    resize(640, 560);
}

SettingsDialog::~SettingsDialog() = default;

QWidget *SettingsDialog::createConnectionPage()
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);

    auto *filesBox = new QGroupBox(tr("Kubeconfig files"));
    auto *filesLayout = new QGridLayout(filesBox);
    m_files = new QListWidget;
    m_files->setObjectName(QStringLiteral("kubeconfigFiles"));
    m_files->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_files->setAccessibleName(tr("Kubeconfig files"));
    m_files->setMaximumHeight(fontMetrics().height() * 6);
    auto *add = new QPushButton(tr("A&dd…"));
    m_removeFile = new QPushButton(tr("&Remove"));
    m_removeFile->setObjectName(QStringLiteral("removeKubeconfig"));
    m_removeFile->setEnabled(false);
    m_filesHint = new QLabel;
    m_filesHint->setWordWrap(true);
    m_filesHint->setForegroundRole(QPalette::PlaceholderText);
    filesLayout->addWidget(m_files, 0, 0, 3, 1);
    filesLayout->addWidget(add, 0, 1);
    filesLayout->addWidget(m_removeFile, 1, 1);
    filesLayout->addWidget(m_filesHint, 3, 0, 1, 2);
    connect(add, &QPushButton::clicked, this, &SettingsDialog::addFiles);
    connect(m_removeFile, &QPushButton::clicked, this, &SettingsDialog::removeFiles);
    connect(m_files, &QListWidget::itemSelectionChanged, this, [this] {
        m_removeFile->setEnabled(!m_files->selectedItems().isEmpty());
    });
    layout->addWidget(filesBox);

    auto *contextsBox = new QGroupBox(tr("Contexts shown as member clusters"));
    auto *contextsLayout = new QVBoxLayout(contextsBox);
    m_kubeconfigStatus = new QLabel;
    m_kubeconfigStatus->setObjectName(QStringLiteral("kubeconfigStatus"));
    m_kubeconfigStatus->setWordWrap(true);
    m_kubeconfigStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_contexts = new QListWidget;
    m_contexts->setObjectName(QStringLiteral("enabledContexts"));
    m_contexts->setAccessibleName(tr("Enabled contexts"));
    m_contexts->setToolTip(tr("Space toggles the selected context."));
    contextsLayout->addWidget(m_kubeconfigStatus);
    contextsLayout->addWidget(m_contexts);
    layout->addWidget(contextsBox, 1);

    auto *engineBox = new QGroupBox(tr("Engine"));
    auto *engineLayout = new QFormLayout(engineBox);
    m_direct = new QRadioButton(tr("D&irect: every enabled context is a member cluster"));
    m_karmada = new QRadioButton(tr("&Karmada: one context is the Karmada control plane"));
    auto *group = new QButtonGroup(this);
    group->addButton(m_direct);
    group->addButton(m_karmada);
    m_controlPlane = new QComboBox;
    m_controlPlane->setObjectName(QStringLiteral("karmadaContext"));
    m_controlPlane->setEditable(true); // a context missing from the file is kept, not dropped
    m_controlPlane->setInsertPolicy(QComboBox::NoInsert);
    auto *controlPlaneLabel = new QLabel(tr("Control &plane context:"));
    controlPlaneLabel->setBuddy(m_controlPlane);
    engineLayout->addRow(m_direct);
    engineLayout->addRow(m_karmada);
    engineLayout->addRow(controlPlaneLabel, m_controlPlane);
    connect(m_karmada, &QRadioButton::toggled, this, &SettingsDialog::updateEngineWidgets);
    layout->addWidget(engineBox);
    return page;
}

QWidget *SettingsDialog::createLocationsPage()
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    auto *hint = new QLabel(tr("Where a cluster sits on the map, as “latitude,longitude” (for "
                               "example 35.68,139.69 for Tokyo). Leave empty to place it from "
                               "its labels, region or name. Your setting wins over every other "
                               "source."));
    hint->setWordWrap(true);
    m_locations = new QTableWidget(0, 2);
    m_locations->setObjectName(QStringLiteral("locationOverrides"));
    m_locations->setAccessibleName(tr("Location overrides"));
    m_locations->setHorizontalHeaderLabels({tr("Cluster (context)"), tr("Latitude,longitude")});
    m_locations->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_locations->horizontalHeader()->setStretchLastSection(true);
    m_locations->verticalHeader()->hide();
    m_locations->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_locations->setEditTriggers(QAbstractItemView::AllEditTriggers);
    m_locations->setTabKeyNavigation(false); // Tab leaves the table; arrows move inside it
    layout->addWidget(hint);
    layout->addWidget(m_locations, 1);
    return page;
}

QWidget *SettingsDialog::createAppearancePage()
{
    auto *page = new QWidget;
    auto *form = new QFormLayout(page);
    m_theme = new QComboBox;
    m_theme->setObjectName(QStringLiteral("theme"));
    m_theme->addItem(tr("System", "theme"), ConsoleSettings::themeName(ThemeChoice::System));
    m_theme->addItem(tr("Light", "theme"), ConsoleSettings::themeName(ThemeChoice::Light));
    m_theme->addItem(tr("Dark", "theme"), ConsoleSettings::themeName(ThemeChoice::Dark));
    m_language = new QComboBox;
    m_language->setObjectName(QStringLiteral("language"));
    m_language->addItem(tr("System", "language"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("日本語"), QStringLiteral("ja"));
    auto *themeLabel = new QLabel(tr("&Theme:"));
    themeLabel->setBuddy(m_theme);
    auto *languageLabel = new QLabel(tr("La&nguage:"));
    languageLabel->setBuddy(m_language);
    form->addRow(themeLabel, m_theme);
    form->addRow(languageLabel, m_language);
    auto *note = new QLabel(tr("A new language applies when Meridian starts again. "
                               "$MERIDIAN_LANG, when set, wins over this setting."));
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);
    form->addRow(note);
    return page;
}

void SettingsDialog::addFiles()
{
    const QStringList files
            = QFileDialog::getOpenFileNames(this,
                                            tr("Add Kubeconfig Files"),
                                            QDir::home().filePath(QStringLiteral(".kube")),
                                            tr("Kubeconfig files (*)"));
    for (const QString &file : files) {
        if (m_files->findItems(file, Qt::MatchExactly).isEmpty())
            m_files->addItem(file);
    }
    if (!files.isEmpty())
        reloadContexts();
}

void SettingsDialog::removeFiles()
{
    qDeleteAll(m_files->selectedItems());
    reloadContexts();
}

void SettingsDialog::reloadContexts()
{
    // What the operator already ticked or unticked survives a reload.
    QHash<QString, bool> checked;
    const bool firstFill = m_contexts->count() == 0 && m_kubeconfigContexts.isEmpty();
    for (int i = 0; i < m_contexts->count(); ++i)
        checked.insert(m_contexts->item(i)->data(Qt::UserRole).toString(),
                       m_contexts->item(i)->checkState() == Qt::Checked);
    const QString controlPlane
            = firstFill ? m_initial.karmadaContext : m_controlPlane->currentText();

    m_filesHint->setText(m_files->count() == 0
                                 ? defaultKubeconfigText()
                                 : tr("The files are merged in this order; for each cluster, "
                                      "user and context the first file wins, as kubectl does."));

    ConsoleSettings probe;
    for (int i = 0; i < m_files->count(); ++i)
        probe.kubeconfigFiles.append(m_files->item(i)->text());
    // A kubeconfig is a few KB: reading it here is quicker than a frame.
    const Result<Kube::Kubeconfig> config = Kube::loadKubeconfig(probe.loadOptions());
    m_kubeconfigContexts.clear();
    if (config) {
        m_kubeconfigContexts = config->contextNames();
        m_kubeconfigStatus->setText(
                m_kubeconfigContexts.isEmpty()
                        ? tr("The kubeconfig has no contexts.")
                        : tr("Contexts: %1, from %2. Unticked ones are not shown.")
                                  .arg(m_kubeconfigContexts.size())
                                  .arg(config->files.join(QLatin1String(", "))));
    } else {
        m_kubeconfigStatus->setText(
                tr("The kubeconfig could not be read: %1").arg(config.error().message));
    }

    QStringList names = m_kubeconfigContexts;
    // Enabled contexts the files do not hold (any more) stay listed, so nothing is lost silently.
    const QStringList enabled = m_initial.enabledContexts;
    for (const QString &name : enabled)
        if (!names.contains(name))
            names.append(name);
    m_contexts->clear();
    for (const QString &name : std::as_const(names)) {
        const bool inFile = m_kubeconfigContexts.contains(name);
        auto *item
                = new QListWidgetItem(inFile ? name : tr("%1 (not in the kubeconfig)").arg(name));
        item->setData(Qt::UserRole, name);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        bool on = enabled.isEmpty() || enabled.contains(name);
        if (checked.contains(name))
            on = checked.value(name);
        item->setCheckState(on ? Qt::Checked : Qt::Unchecked);
        if (!inFile) {
            QFont font = item->font();
            font.setItalic(true);
            item->setFont(font);
        }
        m_contexts->addItem(item);
    }

    m_controlPlane->clear();
    m_controlPlane->addItems(m_kubeconfigContexts);
    m_controlPlane->setCurrentText(controlPlane);
    if (controlPlane.isEmpty()) {
        // The obvious candidate, when there is one.
        const int karmada = m_controlPlane->findText(QStringLiteral("karmada"), Qt::MatchContains);
        m_controlPlane->setCurrentIndex(karmada);
    }
    if (!firstFill)
        fillLocations();
}

void SettingsDialog::fillLocations()
{
    QMap<QString, QString> typed = m_initial.locations;
    for (int row = 0; row < m_locations->rowCount(); ++row) {
        const QString context = m_locations->item(row, 0)->text();
        typed.insert(context, m_locations->item(row, 1)->text());
    }
    QStringList contexts = m_kubeconfigContexts;
    for (const QString &c : m_knownClusters)
        if (!contexts.contains(c))
            contexts.append(c);
    for (auto it = typed.cbegin(); it != typed.cend(); ++it)
        if (!contexts.contains(it.key()) && !it.value().trimmed().isEmpty())
            contexts.append(it.key());
    m_locations->setRowCount(static_cast<int>(contexts.size()));
    for (int row = 0; row < contexts.size(); ++row) {
        auto *name = new QTableWidgetItem(contexts.at(row));
        name->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        auto *value = new QTableWidgetItem(typed.value(contexts.at(row)));
        value->setToolTip(tr("latitude,longitude — for example 50.11,8.68"));
        m_locations->setItem(row, 0, name);
        m_locations->setItem(row, 1, value);
    }
}

void SettingsDialog::updateEngineWidgets()
{
    m_controlPlane->setEnabled(m_karmada->isChecked());
}

ConsoleSettings SettingsDialog::settings() const
{
    ConsoleSettings s = m_initial;
    s.kubeconfigFiles.clear();
    for (int i = 0; i < m_files->count(); ++i)
        s.kubeconfigFiles.append(m_files->item(i)->text());
    s.enabledContexts.clear();
    bool all = true;
    for (int i = 0; i < m_contexts->count(); ++i) {
        const QListWidgetItem *item = m_contexts->item(i);
        if (item->checkState() == Qt::Checked)
            s.enabledContexts.append(item->data(Qt::UserRole).toString());
        else
            all = false;
    }
    // Every context ticked is stored as "all", so contexts added to the file later show too.
    if (all && m_contexts->count() == m_kubeconfigContexts.size())
        s.enabledContexts.clear();
    s.engine = m_karmada->isChecked() ? Federation::Engine::Karmada : Federation::Engine::Direct;
    s.karmadaContext = m_controlPlane->currentText().trimmed();
    s.theme = ConsoleSettings::themeFromName(m_theme->currentData().toString())
                      .value_or(ThemeChoice::System);
    s.language = m_language->currentData().toString();
    s.locations.clear();
    for (int row = 0; row < m_locations->rowCount(); ++row) {
        const QString value = m_locations->item(row, 1)->text().trimmed();
        if (!value.isEmpty())
            s.locations.insert(m_locations->item(row, 0)->text(), value);
    }
    return s;
}

QString SettingsDialog::validationError() const
{
    for (int row = 0; row < m_locations->rowCount(); ++row) {
        const QString error = ConsoleSettings::locationError(m_locations->item(row, 1)->text());
        if (!error.isEmpty())
            return tr("Location of cluster “%1”: %2").arg(m_locations->item(row, 0)->text(), error);
    }
    if (m_karmada->isChecked() && m_controlPlane->currentText().trimmed().isEmpty())
        return tr("The Karmada engine needs the context of the Karmada control plane.");
    if (m_direct->isChecked() && m_contexts->count() > 0) {
        bool any = false;
        for (int i = 0; i < m_contexts->count(); ++i)
            any |= m_contexts->item(i)->checkState() == Qt::Checked;
        if (!any)
            return tr("Tick at least one context: with none, there is no cluster to show.");
    }
    return {};
}

bool SettingsDialog::validateAndFocus()
{
    const QString error = validationError();
    m_error->setText(error);
    m_error->setVisible(!error.isEmpty());
    if (error.isEmpty())
        return true;
    for (int row = 0; row < m_locations->rowCount(); ++row) {
        if (!ConsoleSettings::locationError(m_locations->item(row, 1)->text()).isEmpty()) {
            m_tabs->setCurrentIndex(LocationsTab);
            m_locations->setCurrentCell(row, 1);
            m_locations->setFocus();
            return false;
        }
    }
    m_tabs->setCurrentIndex(ConnectionTab);
    if (m_karmada->isChecked())
        m_controlPlane->setFocus();
    else
        m_contexts->setFocus();
    return false;
}

bool SettingsDialog::apply()
{
    if (!validateAndFocus())
        return false;
    const ConsoleSettings s = settings();
    emit applied(s);
    return true;
}

void SettingsDialog::accept()
{
    if (apply())
        QDialog::accept();
}

} // namespace Meridian
