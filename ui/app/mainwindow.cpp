// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "app/profilesession.h"
#include "app/settingsdialog.h"
#include "app/signinpanel.h"
#include "app/syncsetup.h"
#include "core/clock.h"
#include "models/searchablemodel.h"
#include "pages/overviewpage.h"
#include "pages/tablepage.h"
#include "sync/syncengine.h"
#include "widgets/inactivitytimer.h"
#include "widgets/statusindicator.h"

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>
#include <QVBoxLayout>

#if defined(Q_OS_LINUX)
#include "widgets/screenlocklistener.h"
#endif

namespace stocktake::ui {

namespace {
constexpr int kLockPage = 4;
}

MainWindow::MainWindow(ProfileSession *session, PageContext context, SyncEngineFactory makeEngine, QWidget *parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_context(std::move(context))
    , m_makeEngine(std::move(makeEngine))
    , m_navigation(new QListWidget(this))
    , m_stack(new QStackedWidget(this))
    , m_dataAge(new DataAgeLabel(this))
    , m_syncProgress(new QProgressBar(this))
    , m_cancelSync(new QPushButton(tr("Cancel"), this))
    , m_syncText(new QLabel(this))
    , m_idle(new InactivityTimer(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    // The pages outlive locks and profile switches: they open whichever database is open then.
    m_context.connect = m_session->currentConnectionFactory();
    setWindowTitle(tr("Stocktake — %1").arg(m_session->profile().name));
    setWindowIcon(QIcon(QStringLiteral(":/icons/stocktake.svg")));
    resize(1280, 800);

    m_navigation->setObjectName(QStringLiteral("navigationListWidget"));
    m_navigation->setAccessibleName(tr("Sections"));
    m_navigation->setIconSize(QSize(20, 20));
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setFixedWidth(200);
    m_navigation->setSpacing(2);
    const QList<QPair<QString, QString>> sections {{tr("Overview"), QStringLiteral(":/icons/overview.svg")},
        {tr("Applications"), QStringLiteral(":/icons/apps.svg")},
        {tr("Licenses"), QStringLiteral(":/icons/licenses.svg")}, {tr("Users"), QStringLiteral(":/icons/users.svg")}};
    for (const auto &[name, icon] : sections)
        new QListWidgetItem(QIcon(icon), name, m_navigation);

    m_overview = new OverviewPage(m_context, m_stack);
    // The Overview is what shows first (its saved figures at once, then the computed ones); a table
    // page runs its query when it is first shown, so nothing else competes with it at start.
    if (m_session->isOpen())
        m_overview->reload();
    m_tables = {makeApplicationsPage(m_context, m_stack), makeLicensesPage(m_context, m_stack),
        makeUsersPage(m_context, m_stack)};
    m_stack->addWidget(m_overview);
    for (TablePage *page : std::as_const(m_tables)) {
        m_stack->addWidget(page);
        connect(page, &TablePage::exportFinished, this, [this](const QString &path, qint64 rows, const QString &error) {
            if (error.isEmpty())
                statusBar()->showMessage(
                    tr("Exported %n row(s) to %1", nullptr, int(rows)).arg(QDir::toNativeSeparators(path)), 10000);
        });
    }

    m_lockScreen = new QWidget(m_stack);
    m_lockScreen->setObjectName(QStringLiteral("lockScreen"));
    auto *lockLayout = new QVBoxLayout(m_lockScreen);
    auto *lockTitle = new QLabel(tr("Stocktake is locked"), m_lockScreen);
    QFont big = lockTitle->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    lockTitle->setFont(big);
    m_lockMessage = new QLabel(tr("The data is encrypted and its key is out of memory."), m_lockScreen);
    m_lockMessage->setWordWrap(true);
    auto *unlockButton = new QPushButton(QIcon(QStringLiteral(":/icons/lock.svg")), tr("Unlock"), m_lockScreen);
    unlockButton->setObjectName(QStringLiteral("unlockPushButton"));
    connect(unlockButton, &QPushButton::clicked, this, &MainWindow::unlock);
    lockLayout->addStretch();
    lockLayout->addWidget(lockTitle, 0, Qt::AlignHCenter);
    lockLayout->addWidget(m_lockMessage, 0, Qt::AlignHCenter);
    lockLayout->addWidget(unlockButton, 0, Qt::AlignHCenter);
    lockLayout->addStretch();
    m_stack->addWidget(m_lockScreen);

    connect(m_navigation, &QListWidget::currentRowChanged, this, [this](int row) {
        if (!m_locked && row >= 0)
            m_stack->setCurrentIndex(row);
    });

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_navigation);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);

    m_syncProgress->setObjectName(QStringLiteral("syncProgressBar"));
    m_syncProgress->setMaximumWidth(180);
    m_syncProgress->setRange(0, 0);
    m_cancelSync->setObjectName(QStringLiteral("cancelSyncPushButton"));
    m_syncText->setObjectName(QStringLiteral("syncStatusLabel"));
    m_syncProgress->hide();
    m_cancelSync->hide();
    statusBar()->addWidget(m_dataAge);
    statusBar()->addWidget(m_syncText, 1);
    statusBar()->addPermanentWidget(m_syncProgress);
    statusBar()->addPermanentWidget(m_cancelSync);

    buildActions();

    connect(m_session, &ProfileSession::dataTimeChanged, m_dataAge, &DataAgeLabel::setDataTime);
    m_dataAge->setDataTime(m_session->dataTime());
    connect(m_session, &ProfileSession::opened, this, [this] {
        m_locked = false;
        m_navigation->setEnabled(true);
        m_dataAge->setDataTime(m_session->dataTime());
        reloadAll();
        showPage(m_lastPage);
    });
    connect(m_session, &ProfileSession::failed, this,
        [this](const core::Error &error) { m_lockMessage->setText(error.userMessage); });
    connect(m_session, &ProfileSession::profileChanged, this, [this](const store::Profile &profile) {
        setWindowTitle(tr("Stocktake — %1").arg(profile.name));
        Q_EMIT profileSwitched(profile);
    });
    connect(m_cancelSync, &QPushButton::clicked, this, [this] {
        if (m_engine && m_engine->isRunning()) {
            m_syncText->setText(tr("Cancelling…"));
            m_engine->cancel();
        }
    });
    connect(m_idle, &InactivityTimer::inactive, this, &MainWindow::lock);
#if defined(Q_OS_LINUX)
    auto *screenLock = new ScreenLockListener(this);
    connect(screenLock, &ScreenLockListener::screenLocked, this, &MainWindow::lock);
#endif
    m_navigation->setCurrentRow(0);
}

MainWindow::~MainWindow() = default;

void MainWindow::buildActions()
{
    auto *fileMenu = menuBar()->addMenu(tr("&File"));
    auto *lockAction = fileMenu->addAction(QIcon(QStringLiteral(":/icons/lock.svg")), tr("&Lock"));
    lockAction->setObjectName(QStringLiteral("lockAction"));
    lockAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    connect(lockAction, &QAction::triggered, this, &MainWindow::lock);
    auto *settingsAction = fileMenu->addAction(tr("&Settings…"));
    settingsAction->setObjectName(QStringLiteral("settingsAction"));
    settingsAction->setShortcuts({QKeySequence::Preferences, QKeySequence(Qt::CTRL | Qt::Key_Comma)});
    settingsAction->setMenuRole(QAction::PreferencesRole);
    connect(settingsAction, &QAction::triggered, this, &MainWindow::openSettings);
    fileMenu->addSeparator();
    auto *quitAction = fileMenu->addAction(tr("&Quit"));
    quitAction->setShortcut(QKeySequence::Quit);
    connect(quitAction, &QAction::triggered, this, &QWidget::close);

    auto *viewMenu = menuBar()->addMenu(tr("&View"));
    const QStringList names {tr("Overview"), tr("Applications"), tr("Licenses"), tr("Users")};
    for (int i = 0; i < names.size(); ++i) {
        auto *action = viewMenu->addAction(names.at(i));
        action->setShortcut(QKeySequence(Qt::CTRL | (Qt::Key_1 + i)));
        connect(action, &QAction::triggered, this, [this, i] { showPage(i); });
    }
    auto *find = viewMenu->addAction(tr("&Search"));
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, this, [this] {
        if (auto *page = qobject_cast<TablePage *>(m_stack->currentWidget()))
            page->focusSearch();
    });

    auto *syncMenu = menuBar()->addMenu(tr("&Sync"));
    m_syncAction = syncMenu->addAction(QIcon(QStringLiteral(":/icons/sync.svg")), tr("Sync &now"));
    m_syncAction->setObjectName(QStringLiteral("syncAction"));
    m_syncAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_syncAction->setEnabled(bool(m_makeEngine));
    connect(m_syncAction, &QAction::triggered, this, &MainWindow::syncNow);
    auto *signInAction = syncMenu->addAction(tr("Sign &in…"));
    signInAction->setObjectName(QStringLiteral("signInAction"));
    signInAction->setEnabled(bool(m_makeEngine));
    connect(signInAction, &QAction::triggered, this, &MainWindow::signIn);

    auto *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolBar"));
    toolbar->setMovable(false);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->addAction(m_syncAction);
    toolbar->addAction(lockAction);
}

void MainWindow::showPage(int index)
{
    if (m_locked || index < 0 || index >= 4)
        return;
    m_lastPage = index;
    m_navigation->setCurrentRow(index);
    m_stack->setCurrentIndex(index);
}

void MainWindow::openSettings()
{
    if (m_locked)
        return;
    if (m_settings) {
        m_settings->raise();
        m_settings->activateWindow();
        return;
    }
    m_settings = new SettingsDialog(m_session, m_context.catalog, this);
    m_settings->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_settings, &QObject::destroyed, this, [this] { m_settings = nullptr; });
    // Every report reads the window and the prices from the database, so a reload shows them.
    connect(m_settings, &SettingsDialog::inactiveDaysChanged, this, &MainWindow::reloadAll);
    connect(m_settings, &SettingsDialog::pricesChanged, this, &MainWindow::reloadAll);
    connect(m_settings, &SettingsDialog::profileSwitchRequested, this, &MainWindow::switchProfile);
    m_settings->open();
}

void MainWindow::switchProfile(const store::Profile &profile)
{
    if (profile.id == m_session->profile().id)
        return;
    if (m_engine) {
        // A running sync belongs to the old profile: stop it without reporting into the new one.
        m_engine->disconnect(this);
        m_engine.reset();
        m_syncProgress->hide();
        m_cancelSync->hide();
        m_syncAction->setEnabled(bool(m_makeEngine));
    }
    lock();
    m_lockMessage->setText(tr("Opening %1…").arg(profile.name));
    m_session->switchTo(profile);
}

void MainWindow::setLockAfterMinutes(int minutes)
{
    m_idle->activate(minutes * 60 * 1000);
}

void MainWindow::reloadAll()
{
    m_overview->reload();
    for (TablePage *page : std::as_const(m_tables))
        page->reload();
}

void MainWindow::lock()
{
    if (m_locked)
        return;
    m_locked = true;
    if (m_settings)
        m_settings->close();
    if (m_engine && m_engine->isRunning())
        m_engine->cancel();
    m_lastPage = std::max(0, m_stack->currentIndex() == kLockPage ? m_lastPage : m_stack->currentIndex());
    m_overview->clear();
    for (TablePage *page : std::as_const(m_tables))
        page->model()->clear();
    m_session->lock();
    m_lockMessage->setText(tr("The data is encrypted and its key is out of memory."));
    m_stack->setCurrentWidget(m_lockScreen);
    m_navigation->setEnabled(false);
}

void MainWindow::unlock()
{
    if (!m_locked)
        return;
    m_lockMessage->setText(tr("Reading the key from the keychain…"));
    m_navigation->setEnabled(true);
    m_session->open();
}

void MainWindow::syncNow()
{
    if (!m_makeEngine || (m_engine && m_engine->isRunning()) || m_locked || !m_session->isOpen())
        return;
    m_engine = m_makeEngine();
    connect(m_engine.get(), &sync::SyncEngine::progress, this, &MainWindow::onSyncProgress);
    connect(m_engine.get(), &sync::SyncEngine::finished, this, &MainWindow::onSyncFinished);
    m_syncProgress->show();
    m_cancelSync->show();
    m_syncAction->setEnabled(false);
    m_syncText->setText(tr("Syncing…"));
    m_engine->start({});
}

void MainWindow::signIn()
{
    if (!m_makeEngine || m_locked)
        return;
    QDialog dialog(this);
    dialog.setObjectName(QStringLiteral("signInDialog"));
    dialog.setWindowTitle(tr("Sign in to %1").arg(m_session->profile().tenant));
    auto *panel = new SignInPanel(m_session->profile(), m_session->keys(), &dialog);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(panel);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    connect(panel, &SignInPanel::signedIn, &dialog, &QDialog::accept);
    if (dialog.exec() == QDialog::Accepted) {
        m_syncText->setText(tr("Signed in."));
        syncNow();
    }
}

void MainWindow::onSyncProgress(const sync::SyncProgress &p)
{
    QString text
        = tr("Syncing %1: %2 items").arg(p.detail.isEmpty() ? p.entity : p.entity + u' ' + p.detail).arg(p.items);
    if (p.etaSeconds >= 0)
        text += tr(", about %n minute(s) left", nullptr, int((p.etaSeconds + 59) / 60));
    m_syncText->setText(text);
}

void MainWindow::onSyncFinished(const sync::SyncReport &report)
{
    m_syncProgress->hide();
    m_cancelSync->hide();
    m_syncAction->setEnabled(true);
    m_dataAge->setOnline(!report.firstError || report.firstError->exitCode != core::ExitCode::Service);
    if (report.cancelled)
        m_syncText->setText(tr("Sync cancelled; what finished is saved."));
    else if (report.firstError)
        m_syncText->setText(report.firstError->userMessage);
    else
        m_syncText->setText(tr("Sync finished in %n second(s).", nullptr, int(report.seconds)));
    if (report.firstError && report.firstError->exitCode == core::ExitCode::SignIn)
        m_syncText->setText(report.firstError->userMessage + u' ' + tr("Use Sync › Sign in."));
    static const core::SystemClock clock;
    recordSync(*m_session, report, clock);
    // The engine (and its copy of the key) goes once its finished() has returned.
    QMetaObject::invokeMethod(
        this, [this] { m_engine.reset(); }, Qt::QueuedConnection);
    if (!m_locked)
        reloadAll();
}

}  // namespace stocktake::ui
