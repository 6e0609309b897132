// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/secureclipboard.h"

#include <QApplication>
#include <QClipboard>
#include <QMimeData>
#include <QTest>

using stocktake::ui::SecureClipboard;

class TestSecureClipboard : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void marksCopiedDataAsSecret()
    {
        SecureClipboard clipboard(QApplication::clipboard());
        clipboard.setClearAfterMs(0);
        clipboard.copyText(QStringLiteral("ada@contoso.example"));
        const QMimeData *mime = QApplication::clipboard()->mimeData();
        QVERIFY(mime);
        QCOMPARE(mime->text(), QStringLiteral("ada@contoso.example"));
        QCOMPARE(mime->data(QStringLiteral("x-kde-passwordManagerHint")), QByteArrayLiteral("secret"));
        QVERIFY(mime->hasFormat(QStringLiteral("application/x-nspasteboard-concealed-type")));
        QVERIFY(mime->hasFormat(QStringLiteral("ExcludeClipboardContentFromMonitorProcessing")));
    }

    void clearsItAfterTheTimeout()
    {
        SecureClipboard clipboard(QApplication::clipboard());
        clipboard.setClearAfterMs(200);
        clipboard.copyText(QStringLiteral("Bjørn Ågesen"));
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("Bjørn Ågesen"));
        QTRY_VERIFY_WITH_TIMEOUT(QApplication::clipboard()->text().isEmpty(), 2000);
    }

    void leavesSomeoneElsesLaterCopyAlone()
    {
        SecureClipboard clipboard(QApplication::clipboard());
        clipboard.setClearAfterMs(200);
        clipboard.copyText(QStringLiteral("first"));
        QApplication::clipboard()->setText(QStringLiteral("the admin's own copy"));
        QTest::qWait(400);
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("the admin's own copy"));
    }

    void clearsOnDestructionIfStillOurs()
    {
        {
            SecureClipboard clipboard(QApplication::clipboard());
            clipboard.setClearAfterMs(0);
            clipboard.copyText(QStringLiteral("on quit"));
        }
        QVERIFY(QApplication::clipboard()->text().isEmpty());
    }
};

QTEST_MAIN(TestSecureClipboard)
#include "tst_secureclipboard.moc"
