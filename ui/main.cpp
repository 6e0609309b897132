// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/firstrunwizard.h"
#include "app/mainwindow.h"
#include "app/profilesession.h"
#include "app/syncsetup.h"
#include "core/clock.h"
#include "core/hardening.h"
#include "core/home.h"
#include "core/log.h"
#include "i18n.h"
#include "insights/bundledcatalog.h"
#include "pages/overviewpage.h"
#include "secrets/qtkeychainstore.h"
#include "store/profilestore.h"
#include "sync/syncengine.h"
#include "widgets/secureclipboard.h"
#include "widgets/theme.h"

#include <QApplication>
#include <QClipboard>
#include <QElapsedTimer>
#include <QMessageBox>
#include <QProgressDialog>
#include <QSettings>
#include <QTimer>

#include <cstdio>

using namespace stocktake;

namespace {

/// The profile to open: the one used last time, else the first.
std::optional<store::Profile> chooseProfile(const QList<store::Profile> &profiles)
{
    if (profiles.isEmpty())
        return std::nullopt;
    const QString last = QSettings().value(QStringLiteral("ui/lastProfileId")).toString();
    for (const auto &p : profiles) {
        if (p.id == last)
            return p;
    }
    return profiles.first();
}

/// With STOCKTAKE_REPORT_FIRST_PAINT=1 (off by default; the benchmark tests/bench/bench_ui.cpp
/// sets it), prints to stderr the milliseconds from the start of main() until the window was first
/// painted, until it was painted with the Overview's figures (the saved ones, or else the computed
/// ones), and until it was painted with the figures computed now:
///   stocktake: first paint 412 ms
///   stocktake: first paint with data 530 ms
///   stocktake: first paint with fresh data 1530 ms
class FirstPaintReport : public QObject {
public:
    FirstPaintReport(const QElapsedTimer &sinceStart, ui::OverviewPage *page)
        : QObject(page)
        , m_sinceStart(sinceStart)
    {
        QCoreApplication::instance()->installEventFilter(this);
        QObject::connect(page, &ui::OverviewPage::savedFiguresShown, this, [this] { m_hasData = true; });
        QObject::connect(page, &ui::OverviewPage::refreshed, this, [this] {
            m_hasData = true;
            m_hasFreshData = true;
        });
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint) {
            if (!m_painted) {
                m_painted = true;
                report("");
            }
            if (m_hasData && !m_paintedData) {
                m_paintedData = true;
                report(" with data");
            }
            if (m_hasFreshData && !m_paintedFreshData) {
                m_paintedFreshData = true;
                report(" with fresh data");
                QCoreApplication::instance()->removeEventFilter(this);
            }
        }
        return QObject::eventFilter(watched, event);
    }

private:
    void report(const char *what)
    {
        // Queued: the time after the whole window has painted, not when its first widget starts.
        QTimer::singleShot(0, this, [this, what] {
            std::fprintf(
                stderr, "stocktake: first paint%s %lld ms\n", what, static_cast<long long>(m_sinceStart.elapsed()));
            std::fflush(stderr);
        });
    }

    const QElapsedTimer &m_sinceStart;
    bool m_hasData = false;
    bool m_hasFreshData = false;
    bool m_paintedFreshData = false;
    bool m_painted = false;
    bool m_paintedData = false;
};

}  // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    core::hardenProcess();
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Stocktake"));
    QApplication::setOrganizationName(QStringLiteral("Stocktake"));
    QApplication::setApplicationVersion(QStringLiteral(STOCKTAKE_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("org.stocktake.Stocktake"));
    core::installMessageHandler(core::Verbosity::Normal);
    i18n::installTranslations();
    ui::Theme::apply(app, ui::Theme::Mode::System);

    const QString home = core::Home::resolve();
    if (auto ok = core::Home::ensure(home); !ok) {
        QMessageBox::critical(nullptr, QObject::tr("Stocktake"), ok.error().userMessage);
        return int(ok.error().exitCode);
    }
    store::ProfileStore profiles(home);
    const auto list = profiles.list();
    if (!list) {
        QMessageBox::critical(nullptr, QObject::tr("Stocktake"), list.error().userMessage);
        return int(list.error().exitCode);
    }
    core::SystemClock clock;
    secrets::QtKeychainStore keychain;
    ui::SecureClipboard clipboard(QApplication::clipboard());
    std::unique_ptr<ui::ProfileSession> session;
    std::unique_ptr<ui::MainWindow> window;
    // Shown when opening the profile takes more than a moment: the first start after an update
    // may migrate a large database (on a worker thread) for a while.
    std::unique_ptr<QProgressDialog> opening;
    const auto catalog = insights::loadBundledCatalog();
    if (!catalog) {
        QMessageBox::critical(nullptr, QObject::tr("Stocktake"), catalog.error().userMessage);
        return int(catalog.error().exitCode);
    }

    const auto showWindow = [&] {
        opening.reset();
        if (window)
            return;
        QSettings().setValue(QStringLiteral("ui/lastProfileId"), session->profile().id);
        ui::PageContext context;
        context.connect = session->connectionFactory();
        context.catalog = *catalog;
        context.clipboard = &clipboard;
        ui::ProfileSession *s = session.get();
        window = std::make_unique<ui::MainWindow>(s, context, [s, &clock] { return ui::makeSyncEngine(*s, clock); });
        window->setLockAfterMinutes(QSettings().value(QStringLiteral("security/lockAfterMinutes"), 15).toInt());
        if (qEnvironmentVariableIntValue("STOCKTAKE_REPORT_FIRST_PAINT") == 1) {
            if (auto *overview = window->findChild<ui::OverviewPage *>())
                new FirstPaintReport(sinceStart, overview);
        }
        window->show();
    };
    const auto watch = [&] {
        QObject::connect(
            session.get(), &ui::ProfileSession::failed, &app, [&window, &opening](const core::Error &error) {
                opening.reset();
                if (!window) {
                    QMessageBox::critical(nullptr, QObject::tr("Stocktake"), error.userMessage);
                    QApplication::exit(int(error.exitCode));
                }
            });
        QObject::connect(session.get(), &ui::ProfileSession::opened, &app, showWindow);
    };

    const auto profile = chooseProfile(*list);
    std::unique_ptr<ui::FirstRunWizard> wizard;
    if (profile) {
        session = std::make_unique<ui::ProfileSession>(profiles, *profile, keychain);
        watch();
        session->open();
        QTimer::singleShot(400, &app, [&] {
            if (window || !session || session->isOpen())
                return;
            opening = std::make_unique<QProgressDialog>(
                QObject::tr("Opening the profile's encrypted database…\nThe first start after an update can take "
                            "a minute while the database is upgraded."),
                QString(), 0, 0);
            opening->setWindowTitle(QObject::tr("Stocktake"));
            opening->setCancelButton(nullptr);
            opening->setMinimumDuration(0);
            opening->show();
        });
    } else {
        // The first run: add a tenant, sign in, sync; then the window on what was synced.
        wizard = std::make_unique<ui::FirstRunWizard>(profiles, keychain, clock);
        QObject::connect(wizard.get(), &QWizard::finished, &app, [&](int) {
            session = wizard->takeSession();
            wizard.release()->deleteLater();
            if (!session) {
                QApplication::quit();
                return;
            }
            watch();
            if (session->isOpen())
                showWindow();
            else
                session->open();
        });
        wizard->show();
    }
    return QApplication::exec();
}
