// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "command.h"
#include "core/clock.h"
#include "core/hardening.h"
#include "i18n.h"
#include "runner.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QTextStream>

#include <cstdio>

#if defined(__unix__) || defined(__APPLE__)
#include <unistd.h>
#endif

int main(int argc, char *argv[])
{
    stocktake::core::hardenProcess();
    QCoreApplication app(argc, argv);
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
