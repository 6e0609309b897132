// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/mainwindow.h"
#include "app/profilesession.h"
#include "core/hardening.h"
#include "core/home.h"
#include "core/log.h"
#include "i18n.h"
#include "insights/bundledcatalog.h"
#include "secrets/qtkeychainstore.h"
#include "store/profilestore.h"
#include "widgets/secureclipboard.h"
#include "widgets/theme.h"

#include <QApplication>
#include <QClipboard>
#include <QMessageBox>
#include <QSettings>

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

}  // namespace

int main(int argc, char *argv[])
{
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
    const auto profile = chooseProfile(*list);
    if (!profile) {
        QMessageBox::information(nullptr, QObject::tr("Stocktake"),
            QObject::tr("There is no tenant profile yet. Add one, sign in and sync from a terminal:\n\n"
                        "stocktake-cli profile add NAME --tenant YOUR-TENANT --client-id YOUR-APP-ID\n"
                        "stocktake-cli login\nstocktake-cli sync\n\nthen start Stocktake again."));
        return 0;
    }
    QSettings().setValue(QStringLiteral("ui/lastProfileId"), profile->id);

    // Product names, list prices, high-privilege scopes and vendors for every page.
    const auto catalog = insights::loadBundledCatalog();
    if (!catalog) {
        QMessageBox::critical(nullptr, QObject::tr("Stocktake"), catalog.error().userMessage);
        return int(catalog.error().exitCode);
    }

    secrets::QtKeychainStore keychain;
    ui::ProfileSession session(profiles, *profile, keychain);
    ui::SecureClipboard clipboard(QApplication::clipboard());
    std::unique_ptr<ui::MainWindow> window;
    QObject::connect(&session, &ui::ProfileSession::failed, &app, [&window](const core::Error &error) {
        if (!window) {
            QMessageBox::critical(nullptr, QObject::tr("Stocktake"), error.userMessage);
            QApplication::exit(int(error.exitCode));
        }
    });
    QObject::connect(&session, &ui::ProfileSession::opened, &app, [&] {
        if (window)
            return;
        ui::PageContext context;
        context.connect = session.connectionFactory();
        context.catalog = *catalog;
        context.clipboard = &clipboard;
        window = std::make_unique<ui::MainWindow>(&session, context, nullptr);
        QObject::connect(window.get(), &ui::MainWindow::profileSwitched, &app,
            [](const store::Profile &p) { QSettings().setValue(QStringLiteral("ui/lastProfileId"), p.id); });
        window->setLockAfterMinutes(QSettings().value(QStringLiteral("security/lockAfterMinutes"), 15).toInt());
        window->show();
    });
    session.open();
    return QApplication::exec();
}
