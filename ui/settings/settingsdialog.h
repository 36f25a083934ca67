#pragma once

#include "consolesettings.h"

#include <QDialog>

class QButtonGroup;
class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QRadioButton;
class QTableWidget;
class QTabWidget;

namespace Meridian {

// Settings: kubeconfig files, enabled contexts, engine, theme, language and per-cluster locations.
// Apply and OK validate first; a mistake is named (which cluster, what is wrong), the field gets
// the focus, and the dialog stays open with everything typed still there.
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    // `knownClusters`: contexts the window shows now (the demo's are not in any kubeconfig file),
    // offered in the locations table beside the kubeconfig's.
    SettingsDialog(const ConsoleSettings &settings,
                   const QStringList &knownClusters,
                   QWidget *parent = nullptr);
    ~SettingsDialog() override;

    // What the dialog holds now, valid or not.
    ConsoleSettings settings() const;
    // Why the settings cannot be applied, in words; empty when they can.
    QString validationError() const;
    // The contexts listed from the kubeconfig (empty when it could not be read).
    QStringList kubeconfigContexts() const { return m_kubeconfigContexts; }

    // Validates, then emits applied(). False (and the message shown) when invalid.
    bool apply();

signals:
    void applied(const Meridian::ConsoleSettings &settings);

public slots:
    void accept() override;

private:
    QWidget *createConnectionPage();
    QWidget *createLocationsPage();
    QWidget *createAppearancePage();
    void addFiles();
    void removeFiles();
    void reloadContexts();
    void fillLocations();
    void updateEngineWidgets();
    bool validateAndFocus();

    ConsoleSettings m_initial;
    QStringList m_knownClusters;
    QStringList m_kubeconfigContexts;
    QTabWidget *m_tabs = nullptr;
    QListWidget *m_files = nullptr;
    QPushButton *m_removeFile = nullptr;
    QLabel *m_filesHint = nullptr;
    QListWidget *m_contexts = nullptr;
    QLabel *m_kubeconfigStatus = nullptr;
    QRadioButton *m_direct = nullptr;
    QRadioButton *m_karmada = nullptr;
    QComboBox *m_controlPlane = nullptr;
    QTableWidget *m_locations = nullptr;
    QComboBox *m_theme = nullptr;
    QComboBox *m_language = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace Meridian
