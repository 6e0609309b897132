// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "resources/catalog.h"

#include <QFile>
#include <QSet>
#include <QTest>

using stocktake::resources::Catalog;

class TstCatalog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void loadsEveryTableWithoutError()
    {
        const auto cat = Catalog::load();
        QVERIFY2(cat.ok(), qPrintable(cat.ok() ? QString() : cat.error().detail));
        QVERIFY(cat->productNames.size() >= 30);
        QCOMPARE(cat->productNames.value(QStringLiteral("SPE_E3")), QStringLiteral("Microsoft 365 E3"));
        QVERIFY(cat->vendors.size() >= 40);
        QCOMPARE(cat->invoiceKeywords.size(), 6);
    }

    void everyPriceIsExactAndHasAName()
    {
        const auto cat = Catalog::load();
        QVERIFY(cat.ok());
        QVERIFY(cat->listPrices.size() >= 10);
        QCOMPARE(cat->listPrices.value(QStringLiteral("O365_BUSINESS_PREMIUM")).amountMinor, 1250);
        QCOMPARE(cat->listPrices.value(QStringLiteral("SPE_E3")).currency, QStringLiteral("USD"));
        for (auto it = cat->listPrices.cbegin(); it != cat->listPrices.cend(); ++it) {
            QVERIFY2(cat->productNames.contains(it.key()), qPrintable(it.key()));
            QVERIFY(it->amountMinor > 0);
            QCOMPARE(it->period, QStringLiteral("month"));
        }
    }

    void splitsQuotedCsvFields()
    {
        QCOMPARE(stocktake::resources::splitCsvLine(QStringLiteral("a,\"b,\"\"c\"\"\",")),
            (QStringList {QStringLiteral("a"), QStringLiteral("b,\"c\""), QString()}));
    }

    void highPrivilegeListExcludesOfflineAccess()
    {
        const auto cat = Catalog::load();
        QVERIFY(cat.ok());
        QVERIFY(cat->isHighPrivilege(QStringLiteral("Mail.ReadWrite")));
        QVERIFY(cat->isHighPrivilege(QStringLiteral("files.readwrite.all")));
        QVERIFY(cat->isHighPrivilege(QStringLiteral("full_access_as_user")));
        QVERIFY(!cat->isHighPrivilege(QStringLiteral("offline_access")));
        QVERIFY(!cat->isHighPrivilege(QStringLiteral("User.Read")));
        // The table's own spelling is kept for reports (risky_scopes lists "Mail.ReadWrite").
        QVERIFY(cat->highPrivilegeScopeNames.contains(QStringLiteral("Mail.ReadWrite")));
        QCOMPARE(cat->highPrivilegeScopeNames.size(), cat->highPrivilegeScopes.size());
    }

    void vendorsHaveUniqueIdsCategoriesAndDomains()
    {
        const auto cat = Catalog::load();
        QVERIFY(cat.ok());
        QSet<QString> ids;
        for (const auto &v : cat->vendors) {
            QVERIFY2(!ids.contains(v.id), qPrintable(v.id));
            ids.insert(v.id);
            QVERIFY(cat->categories.contains(v.category));
            QVERIFY(!v.senderDomains.isEmpty());
        }
    }

    void senderLookupMatchesDomainNotLookalike()
    {
        const auto cat = Catalog::load();
        QVERIFY(cat.ok());
        const auto *slack = cat->vendorForSender(QStringLiteral("billing@slack.com"));
        QVERIFY(slack);
        QCOMPARE(slack->id, QStringLiteral("slack"));
        QVERIFY(cat->vendorForSender(QStringLiteral("feedback@mail.slack.com")));
        QCOMPARE(cat->vendorForSender(QStringLiteral("billing@notslack.com")), nullptr);
        QCOMPARE(cat->vendorForSender(QStringLiteral("billing@slack.com.evil.example")), nullptr);
    }

    void iconIsEmbedded()
    {
        stocktake::resources::ensureResources();
        QVERIFY(QFile::exists(QStringLiteral(":/icons/stocktake.svg")));
    }
};

QTEST_GUILESS_MAIN(TstCatalog)
#include "tst_catalog.moc"
