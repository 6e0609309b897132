// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "insights/catalog.h"
#include "insights/pricing.h"
#include "store/profilestore.h"

#include <QDialog>
#include <QFutureWatcher>

#include <functional>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTabWidget;

namespace stocktake::store {
class Database;
}

namespace stocktake::ui {

class ProfileSession;

/// What the Settings dialog shows, read on a pool thread.
struct SettingsSnapshot {
    int inactiveDays = 30;
    QList<insights::PriceListRow> prices;
    QList<store::Profile> profiles;
};

/// Settings of the open profile: the inactivity window of the reports (kept in the profile's
/// encrypted settings table), the unit prices of its licenses (the bundled list price and the
/// price set over it, written as `stocktake-cli price set` writes it), and a switcher between
/// the profiles of the Stocktake home. Every read and write runs on a pool thread with its own
/// connection; each change is saved at once and announced, so the window reloads its figures.
class SettingsDialog : public QDialog {
    Q_OBJECT

public:
    SettingsDialog(ProfileSession *session, insights::InsightsCatalog catalog, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    /// Reads the settings, prices and profiles again (done at construction).
    void reload();
    [[nodiscard]] bool isBusy() const { return m_busy; }

Q_SIGNALS:
    /// The snapshot is in the widgets (after construction or reload()).
    void loaded();
    /// A write finished; `error` is empty on success.
    void saved(const QString &error);
    void inactiveDaysChanged(int days);
    void pricesChanged();
    /// The admin chose another profile to open.
    void profileSwitchRequested(const stocktake::store::Profile &profile);

private:
    using Write = std::function<core::Status(const store::Database &db)>;
    void save(Write write, std::function<void()> done);
    void present(const SettingsSnapshot &snapshot);
    void applyInactiveDays();
    void setPrice();
    void clearPrice();
    void openSelectedProfile();
    void updateButtons();
    [[nodiscard]] QString selectedPriceKey() const;
    void setStatus(const QString &text);

    ProfileSession *m_session;
    insights::InsightsCatalog m_catalog;
    SettingsSnapshot m_snapshot;
    QTabWidget *m_tabs;
    QSpinBox *m_inactiveDays;
    QPushButton *m_applyInactive;
    QTableWidget *m_prices;
    QLineEdit *m_amount;
    QLineEdit *m_currency;
    QComboBox *m_period;
    QPushButton *m_setPrice;
    QPushButton *m_clearPrice;
    QListWidget *m_profiles;
    QPushButton *m_openProfile;
    QLabel *m_status;
    QDialogButtonBox *m_buttons;
    QFutureWatcher<core::Result<SettingsSnapshot>> m_loader;
    QFutureWatcher<core::Status> m_writer;
    std::function<void()> m_afterWrite;
    bool m_busy = false;
};

}  // namespace stocktake::ui
