// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "command.h"
#include "core/clock.h"
#include "core/hardening.h"
#include "i18n.h"
#include "runner.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QNetworkAccessManager>
#include <QTextStream>

#include <cstdio>
#include <cstring>
#include <memory>

#if defined(__unix__) || defined(__APPLE__)
#include <unistd.h>
#endif

namespace {

/// Whether the command line asks for a PDF (`--format pdf` or `--format=pdf`). Drawing a PDF needs
/// a QGuiApplication (fonts); every other command runs on a plain QCoreApplication.
bool wantsPdf(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--format=pdf") == 0)
            return true;
        if (std::strcmp(argv[i], "--format") == 0 && i + 1 < argc && std::strcmp(argv[i + 1], "pdf") == 0)
            return true;
    }
    return false;
}

}  // namespace

int main(int argc, char *argv[])
{
    stocktake::core::hardenProcess();
    std::unique_ptr<QCoreApplication> app;
    if (wantsPdf(argc, argv)) {
        // The command line never shows a window: the offscreen platform needs no display server,
        // so a PDF can be made over SSH or in a cron job.
        qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setApplicationName(QStringLiteral("stocktake-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("Stocktake"));
    QCoreApplication::setApplicationVersion(QStringLiteral(STOCKTAKE_VERSION));

    stocktake::i18n::installTranslations();

    QTextStream out(stdout);
    QTextStream err(stderr);
    stocktake::core::SystemClock clock;
    QNetworkAccessManager network;

    stocktake::cli::CommandContext context;
    context.out = &out;
    context.err = &err;
    context.clock = &clock;
    context.network = &network;
#if defined(__unix__) || defined(__APPLE__)
    context.stdoutIsTerminal = ::isatty(STDOUT_FILENO) == 1;
    context.stderrIsTerminal = ::isatty(STDERR_FILENO) == 1;
#endif
    stocktake::cli::Runner runner(stocktake::cli::allCommands(), std::move(context));
    return runner.exec(QCoreApplication::arguments());
}
