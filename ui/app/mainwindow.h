// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pages/reportpages.h"

#include <QMainWindow>

#include <functional>
#include <memory>

class QAction;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QStackedWidget;

namespace stocktake::store {
struct Profile;
}

namespace stocktake::sync {
struct EntitySummary;
struct SyncProgress;
struct SyncReport;
class SyncEngine;
}  // namespace stocktake::sync

namespace stocktake::ui {

class DataAgeLabel;
class InactivityTimer;
class OverviewPage;
class ProfileSession;
class SettingsDialog;
class TablePage;

/// The window an admin lives in: a sidebar (Overview, Applications, Licenses, Users), the pages,
/// and a status bar that says how old the data is and shows a running sync with its cancel
/// button. It locks itself after idle time, on screen lock and on demand; locking empties every
/// model and wipes the key, unlocking reads it from the keychain again.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    /// Makes the engine of one sync run (it holds the database key only while it runs). Null:
    /// the window works on the cached data alone and offers neither sync nor sign-in.
    using SyncEngineFactory = std::function<std::unique_ptr<sync::SyncEngine>()>;

    MainWindow(ProfileSession *session, PageContext context, SyncEngineFactory makeEngine, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Minutes of no input before the window locks; 0 never.
    void setLockAfterMinutes(int minutes);
    [[nodiscard]] bool isLocked() const { return m_locked; }
    [[nodiscard]] QStackedWidget *pages() const { return m_stack; }
    /// Shows page `index` (0 Overview, 1 Applications, 2 Licenses, 3 Users).
    void showPage(int index);
    /// The open Settings dialog, or null.
    [[nodiscard]] SettingsDialog *settingsDialog() const { return m_settings; }

public Q_SLOTS:
    void lock();
    void unlock();
    void syncNow();
    /// Shows the sign-in dialog (device code or browser) for this profile.
    void signIn();
    /// Opens the Settings dialog (inactivity window, prices, profiles), or raises the open one.
    void openSettings();
    /// Closes the open profile and opens `profile` in this window. A sync engine belongs to
    /// the profile it was made for, so the window stops using it (Sync is off until one is given).
    void switchProfile(const stocktake::store::Profile &profile);

Q_SIGNALS:
    /// The window now shows `profile` (after switchProfile()).
    void profileSwitched(const stocktake::store::Profile &profile);

private:
    void buildActions();
    void onSyncProgress(const sync::SyncProgress &progress);
    void onSyncFinished(const sync::SyncReport &report);
    void reloadAll();

    ProfileSession *m_session;
    PageContext m_context;
    SyncEngineFactory m_makeEngine;
    std::unique_ptr<sync::SyncEngine> m_engine;
    QListWidget *m_navigation;
    QStackedWidget *m_stack;
    OverviewPage *m_overview = nullptr;
    QList<TablePage *> m_tables;
    QWidget *m_lockScreen = nullptr;
    QLabel *m_lockMessage = nullptr;
    DataAgeLabel *m_dataAge;
    QProgressBar *m_syncProgress;
    QPushButton *m_cancelSync;
    QLabel *m_syncText;
    QAction *m_syncAction = nullptr;
    SettingsDialog *m_settings = nullptr;
    InactivityTimer *m_idle;
    int m_lastPage = 0;
    bool m_locked = false;
};

}  // namespace stocktake::ui
