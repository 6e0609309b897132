// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "dayusagefold.h"

#include "graph/signinpage.h"

#include <algorithm>
#include <cstring>

namespace stocktake::sync {

namespace {

DayUsageFold::Instant instantOf(const graph::SignInView &signIn)
{
    DayUsageFold::Instant at;
    at.ms = signIn.createdMs;
    std::memcpy(at.text.data(), signIn.created.data(), std::min(at.text.size(), signIn.created.size()));
    return at;
}

}  // namespace

void DayUsageFold::add(const graph::SignInView &signIn)
{
    if (!m_ids.emplace(signIn.id).second)
        return;  // a repeat of an event already counted (the raw table keeps it once)
    if (!signIn.appId)
        return;  // names no app: counts for nothing here
    const std::string_view appId = *signIn.appId;
    if (signIn.appDisplayName) {
        auto name = m_names.find(appId);
        if (name == m_names.end())
            m_names.emplace(std::string(appId), AppName {std::string(*signIn.appDisplayName), instantOf(signIn)});
        else if (signIn.createdMs > name->second.seen.ms)
            name->second = AppName {std::string(*signIn.appDisplayName), instantOf(signIn)};
    }
    if (!signIn.userId)
        return;  // names no person
    m_key.assign(*signIn.userId);
    m_key.push_back('\n');
    m_key.append(appId);
    auto it = m_rows.find(std::string_view(m_key));
    if (it == m_rows.end())
        it = m_rows.emplace(m_key, Row {std::string(*signIn.userId), std::string(appId), 0, 0, false, {}}).first;
    Row &row = it->second;
    if (signIn.errorCode != 0) {
        ++row.failures;
        return;
    }
    ++row.signIns;
    if (!row.hasLastSignIn || signIn.createdMs > row.lastSignIn.ms) {
        row.hasLastSignIn = true;
        row.lastSignIn = instantOf(signIn);
    }
}

std::vector<const DayUsageFold::Row *> DayUsageFold::rows() const
{
    std::vector<const Row *> rows;
    rows.reserve(m_rows.size());
    for (const auto &entry : m_rows)
        rows.push_back(&entry.second);
    return rows;
}

void DayUsageFold::clear()
{
    // unordered containers keep their bucket arrays through clear(): the next day, of about the
    // same size, does not rehash its way up again.
    m_ids.clear();
    m_rows.clear();
    m_names.clear();
}

}  // namespace stocktake::sync
