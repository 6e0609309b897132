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
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
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
        auto model = std::make_unique<models::SqlTableModel>(
            query, [path = m_path, key = m_key] { return store::Database::open(path, *key); });
        model->reload();
        return model;
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

    void copyOfATableWithoutPeopleIsPlain()
    {
        auto model = makeModel();
        ui::SecureClipboard clipboard(QApplication::clipboard());
        ui::TablePage page(model.get(), &clipboard);
        page.setPersonalData(false);
        QSignalSpy refreshed(model.get(), &models::SqlTableModel::refreshed);
        QVERIFY(refreshed.wait(5000));
        auto *copy = page.findChild<QPushButton *>(QStringLiteral("copyPushButton"));
        QVERIFY(copy);
        QVERIFY(!copy->isEnabled());  // nothing selected yet
        page.view()->sortByColumn(0, Qt::AscendingOrder);
        QVERIFY(refreshed.wait(5000));
        page.view()->selectRow(0);
        QVERIFY(copy->isEnabled());
        QTest::mouseClick(copy, Qt::LeftButton);
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("Ada Lovelace\tIT"));
        QVERIFY(!QApplication::clipboard()->mimeData()->hasFormat(QStringLiteral("x-kde-passwordManagerHint")));
    }

    void exportWritesTheRowsTheTableShowsThroughTheFileDialog()
    {
        auto model = makeModel();
        ui::SecureClipboard clipboard(QApplication::clipboard());
        ui::TablePage page(model.get(), &clipboard);
        page.show();
        QSignalSpy refreshed(model.get(), &models::SqlTableModel::refreshed);
        QVERIFY(refreshed.wait(5000));
        // Filtered to Sales and sorted by name, descending: what the person sees is what is written.
        page.findChild<QLineEdit *>(QStringLiteral("filterLineEdit_department"))->setText(QStringLiteral("sales"));
        QVERIFY(refreshed.wait(5000));
        page.view()->sortByColumn(0, Qt::DescendingOrder);
        QVERIFY(refreshed.wait(5000));
        QCOMPARE(model->rowCount(), 2);

        auto *button = page.findChild<QPushButton *>(QStringLiteral("exportPushButton"));
        QVERIFY(button && button->isEnabled());
        QTest::mouseClick(button, Qt::LeftButton);
        auto *dialog = page.findChild<QFileDialog *>(QStringLiteral("exportFileDialog"));
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QCOMPARE(dialog->acceptMode(), QFileDialog::AcceptSave);
        const QString path = m_home.filePath(QStringLiteral("sales.csv"));
        QSignalSpy finished(&page, &ui::TablePage::exportFinished);
        dialog->selectFile(path);
        static_cast<QDialog *>(dialog)->accept();  // as the Save button does
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.at(0).at(0).toString(), path);
        QCOMPARE(finished.at(0).at(1).toLongLong(), 2);
        QVERIFY(finished.at(0).at(2).toString().isEmpty());

        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(file.readAll()),
            QStringLiteral("display_name,department\r\n王小明,Sales\r\nBjørn Ågesen,Sales\r\n"));
        const QFileDevice::Permissions mode = QFileInfo(path).permissions();
        QVERIFY(mode.testFlag(QFileDevice::ReadOwner) && mode.testFlag(QFileDevice::WriteOwner));
        QVERIFY(!(mode & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteOther)));
    }

    void exportFailureIsOnePlainMessageAndNoFile()
    {
        auto model = makeModel();
        ui::SecureClipboard clipboard(QApplication::clipboard());
        ui::TablePage page(model.get(), &clipboard);
        page.show();
        QSignalSpy refreshed(model.get(), &models::SqlTableModel::refreshed);
        QVERIFY(refreshed.wait(5000));
        const QString path = m_home.filePath(QStringLiteral("no-such-folder/users.csv"));
        QSignalSpy finished(&page, &ui::TablePage::exportFinished);
        page.exportTo(path);
        QVERIFY(finished.wait(10000));
        const QString error = finished.at(0).at(2).toString();
        QVERIFY(!error.isEmpty());
        QVERIFY(!error.contains(u'\n'));
        auto *box = page.findChild<QMessageBox *>(QStringLiteral("exportErrorMessageBox"));
        QVERIFY(box);
        QVERIFY(box->isVisible());
        QCOMPARE(box->text(), error);
        QVERIFY(!QFileInfo::exists(path));
        box->close();
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
