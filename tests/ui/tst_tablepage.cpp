// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/sqltablemodel.h"
#include "pages/tablepage.h"
#include "secrets/secretbytes.h"
#include "store/database.h"
#include "temphome.h"
#include "widgets/secureclipboard.h"
#include "widgets/statusindicator.h"

#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTableView>
#include <QTest>
#include <QTimeZone>

using namespace stocktake;

class TestTablePage : public QObject {
    Q_OBJECT

    testing::TempHome m_home;
    std::shared_ptr<secrets::SecretBytes> m_key
        = std::make_shared<secrets::SecretBytes>(secrets::SecretBytes::random(32));
    QString m_path;

    std::unique_ptr<models::SqlTableModel> makeModel()
    {
        models::TableQuery query;
        query.from = QStringLiteral("FROM users");
        query.keyColumnSql = QStringLiteral("id");
        query.columns = {
            {QStringLiteral("display_name"), QStringLiteral("Name"), QStringLiteral("display_name"),
                models::TableColumn::Kind::Text, true},
            {QStringLiteral("department"), QStringLiteral("Department"), QStringLiteral("department"),
                models::TableColumn::Kind::Text, false},
        };
        return std::make_unique<models::SqlTableModel>(
            query, [path = m_path, key = m_key] { return store::Database::open(path, *key); });
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_path = m_home.filePath(QStringLiteral("page.db"));
        store::Database::Options options;
        options.mode = store::Database::Mode::Create;
        auto db = store::Database::open(m_path, *m_key, options);
        QVERIFY(db.ok());
        QSqlQuery q((*db)->sql());
        const QStringList names {QStringLiteral("Ada Lovelace"), QStringLiteral("Bjørn Ågesen"),
            QStringLiteral("Grace Hopper"), QStringLiteral("王小明")};
        for (int i = 0; i < names.size(); ++i) {
            QVERIFY(q.exec(QStringLiteral("INSERT INTO users (id, upn, display_name, department, fetched_at) "
                                          "VALUES ('u%1', 'u%1@x.example', '%2', '%3', '2026-11-20T00:00:00Z')")
                               .arg(i)
                               .arg(names.at(i), i % 2 ? QStringLiteral("Sales") : QStringLiteral("IT"))));
        }
    }

    void searchBoxFiltersTheTable()
    {
        auto model = makeModel();
        ui::SecureClipboard clipboard(QApplication::clipboard());
        ui::TablePage page(model.get(), &clipboard);
        page.show();
        QSignalSpy refreshed(model.get(), &models::SqlTableModel::refreshed);
        QVERIFY(refreshed.wait(5000));
        QCOMPARE(page.view()->model()->rowCount(), 4);
        auto *search = page.findChild<QLineEdit *>(QStringLiteral("searchLineEdit"));
        QVERIFY(search);
        QTest::keyClicks(search, QStringLiteral("grace"));
        QVERIFY(refreshed.wait(5000));
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(page.findChild<QLabel *>(QStringLiteral("rowCountLabel"))->text(), QStringLiteral("1 row(s)"));
    }

    void columnFilterNarrowsOneColumn()
    {
        auto model = makeModel();
        ui::SecureClipboard clipboard(QApplication::clipboard());
        ui::TablePage page(model.get(), &clipboard);
        QSignalSpy refreshed(model.get(), &models::SqlTableModel::refreshed);
        QVERIFY(refreshed.wait(5000));
        auto *filter = page.findChild<QLineEdit *>(QStringLiteral("filterLineEdit_department"));
        QVERIFY(filter);
        filter->setText(QStringLiteral("sales"));
        QVERIFY(refreshed.wait(5000));
        QCOMPARE(model->rowCount(), 2);
    }

    void copyPutsSelectedRowsOnTheClipboardAsSecret()
    {
        auto model = makeModel();
        ui::SecureClipboard clipboard(QApplication::clipboard());
        clipboard.setClearAfterMs(0);
        ui::TablePage page(model.get(), &clipboard);
        QSignalSpy refreshed(model.get(), &models::SqlTableModel::refreshed);
        QVERIFY(refreshed.wait(5000));
        page.view()->sortByColumn(0, Qt::AscendingOrder);
        QVERIFY(refreshed.wait(5000));
        page.view()->selectRow(1);
        page.copySelection();
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("Bjørn Ågesen\tSales"));
        QVERIFY(QApplication::clipboard()->mimeData()->hasFormat(QStringLiteral("x-kde-passwordManagerHint")));
    }

    void dataAgeSaysHowOldAndWhetherOnline()
    {
        QCOMPARE(ui::DataAgeLabel::describe({}, false), QStringLiteral("No data yet · offline"));
        const QDateTime at(QDate(2026, 11, 20), QTime(15, 30), QTimeZone::utc());
        const QString text = ui::DataAgeLabel::describe(at, true);
        QVERIFY(text.startsWith(QStringLiteral("Data as of ")));
        QVERIFY(text.endsWith(QStringLiteral(" · online")));
        QVERIFY(text.contains(QLocale().toString(at.toLocalTime(), QLocale::ShortFormat)));
    }
};

QTEST_MAIN(TestTablePage)
#include "tst_tablepage.moc"
