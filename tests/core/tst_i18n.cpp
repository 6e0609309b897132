// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The shipped translations load at run time (the .qm files embedded under :/i18n by
// stocktake_i18n) and are found under the contexts the code looks them up with: lupdate files a
// message under the context it sees, the code translates with the context it names, and only
// where the two agree does a translation show (scripts/check-i18n-contexts checks the sources).
#include "auth/oidcdiscovery.h"
#include "cli/signinsession.h"
#include "i18n.h"

#include <QCoreApplication>
#include <QTest>

using stocktake::auth::OidcDiscovery;

class TestI18n : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(stocktake::i18n::installTranslations(QLocale(QLocale::Danish, QLocale::Denmark))); }

    void firstRunWizardPagesAreTranslated()
    {
        // ui/app/firstrunwizard.cpp: the pages (QWizardPage without Q_OBJECT) say
        // Q_DECLARE_TR_FUNCTIONS(stocktake::ui::FirstRunWizard), so tr() looks up this context.
        QCOMPARE(QCoreApplication::translate("stocktake::ui::FirstRunWizard", "First sync"),
            QStringLiteral("Første synkronisering"));
    }

    void cliCommandsAreTranslated()
    {
        // app/cli/cmd_login.cpp: the real call path, the commands' own tr(). logout has a context of
        // its own (stocktake::cli::LogoutCommand), the one lupdate files its messages under.
        QCOMPARE(stocktake::cli::makeLogoutCommand()->summary(),
            QStringLiteral("Sletter profilens opdateringstoken fra nøgleringen (eller dens adgangsudtryksboks); "
                           "log på igen med login."));
        QVERIFY(stocktake::cli::makeLoginCommand()->summary().startsWith(
            QStringLiteral("Logger profilen på dens lejer: i denne computers browser")));
    }

    void errorsOfTheEngineAreTranslated()
    {
        // app/auth/oidcdiscovery.cpp: a core::Error's user message, through the file's tr() helper.
        const auto refused = OidcDiscovery::checkAuthority(QUrl(QStringLiteral("http://login.example.com")));
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().userMessage.startsWith(
                     QStringLiteral("Adressen til identitetsplatformen i profilen skal være en https://-URL")),
            qPrintable(refused.error().userMessage));
    }

    void reportPagesAndPluralsAreTranslated()
    {
        // ui/pages/reportpages.cpp: Text::tr, with Q_DECLARE_TR_FUNCTIONS(stocktake::ui::ReportPages).
        QCOMPARE(
            QCoreApplication::translate("stocktake::ui::ReportPages", "Reclaimable"), QStringLiteral("Kan frigøres"));
        QCOMPARE(QCoreApplication::translate(
                     "stocktake::ui::ReportPages", "Reclaim list (not active in the last %n day(s))", nullptr, 1),
            QStringLiteral("Frigørelsesliste (ikke aktive den seneste 1 dag)"));
        QCOMPARE(QCoreApplication::translate(
                     "stocktake::ui::ReportPages", "Reclaim list (not active in the last %n day(s))", nullptr, 90),
            QStringLiteral("Frigørelsesliste (ikke aktive de seneste 90 dage)"));
    }

    void germanLoadsToo()
    {
        // Installed last, so it is asked first.
        QVERIFY(stocktake::i18n::installTranslations(QLocale(QLocale::German, QLocale::Germany)));
        QCOMPARE(QCoreApplication::translate("stocktake::ui::FirstRunWizard", "First sync"),
            QStringLiteral("Erste Synchronisierung"));
        QVERIFY(stocktake::cli::makeLogoutCommand()->summary().startsWith(
            QStringLiteral("Löscht das Aktualisierungstoken dieses Profils")));
    }
};

QTEST_GUILESS_MAIN(TestI18n)
#include "tst_i18n.moc"
