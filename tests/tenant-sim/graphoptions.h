// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "graphapi.h"
#include "tenant.h"

#include <optional>

class QCommandLineParser;

namespace stocktake::tenantsim {

/// What the Graph side needs from the command line.
struct GraphSetup {
    TenantOptions tenant;
    GraphOptions graph;
};

/// The Graph side's switches (README.md): --now, --days, --graph-limits, --no-premium,
/// --concealed-names, --truth-user-rows, --resources, --link-scheme.
void addGraphOptions(QCommandLineParser &parser);
/// Reads them, with --users, --seed, --tenant, --client-id and --truth, from a processed
/// parser; nothing (and why in `problem`) when a value is out of range.
std::optional<GraphSetup> readGraphOptions(const QCommandLineParser &parser, QString *problem);

}  // namespace stocktake::tenantsim
