// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/hardening.h"
#include "core/home.h"
#include "temphome.h"

#include <QFile>
#include <QTest>

#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>

using stocktake::core::Home;

namespace {
int unixMode(const QString &path)
{
    struct stat st { };
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 07777) : -1;
}
}  // namespace

class TestHome : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void explicitDirWinsOverEnvironment()
    {
        stocktake::testing::TempHome home;
        QCOMPARE(Home::resolve(), home.path());
        QCOMPARE(Home::resolve(QStringLiteral("/tmp/elsewhere")), QStringLiteral("/tmp/elsewhere"));
    }

    void ensureCreatesAnOwnerOnlyFolder()
    {
        stocktake::testing::TempHome home;
        const QString dir = home.filePath(QStringLiteral("a/b"));
        QVERIFY(Home::ensure(dir).ok());
        QCOMPARE(unixMode(dir), 0700);
        // A looser folder is tightened.
        QFile::setPermissions(dir, QFile::permissions(dir) | QFile::ReadOther | QFile::ExeOther);
        QVERIFY(Home::ensure(dir).ok());
        QCOMPARE(unixMode(dir), 0700);
    }

    void ensureFailsWithAPlainMessageWhereItCannotWrite()
    {
        stocktake::testing::TempHome home;
        QFile blocker(home.filePath(QStringLiteral("file")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        const auto status = Home::ensure(home.filePath(QStringLiteral("file/sub")));
        QVERIFY(!status.ok());
        QCOMPARE(status.error().code, QStringLiteral("home.unusable"));
        QCOMPARE(int(status.error().exitCode), 5);
    }

    void hardeningTurnsOffCoreDumps()
    {
        QVERIFY(stocktake::core::hardenProcess());
        rlimit limit {};
        QCOMPARE(getrlimit(RLIMIT_CORE, &limit), 0);
        QCOMPARE(limit.rlim_cur, rlim_t(0));
        QCOMPARE(prctl(PR_GET_DUMPABLE, 0, 0, 0, 0), 0);
    }
};

QTEST_GUILESS_MAIN(TestHome)
#include "tst_home.moc"
