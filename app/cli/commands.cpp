// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "command.h"
#include "profileaccess.h"
#include "signinsession.h"

namespace stocktake::cli {

std::unique_ptr<Command> makeReportCommand();  // cmd_report.cpp
std::unique_ptr<Command> makePriceCommand();   // cmd_price.cpp

std::vector<std::unique_ptr<Command>> allCommands()
{
    std::vector<std::unique_ptr<Command>> commands;
    commands.push_back(makeProfileCommand());
    commands.push_back(makeLoginCommand());
    commands.push_back(makeLogoutCommand());
    commands.push_back(makeSyncCommand());
    commands.push_back(makeDbCommand());
    commands.push_back(makeStatusCommand());
    commands.push_back(makeReportCommand());
    commands.push_back(makePriceCommand());
    return commands;
}

}  // namespace stocktake::cli
