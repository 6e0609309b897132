// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "dayusagefold.h"

#include "core/guid.h"
#include "graph/signinpage.h"

#include <algorithm>
#include <array>
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

/// A key's first slot. Random (v4) GUIDs would be their own hash, but a row's key is two small
/// numbers side by side: MurmurHash3's finaliser mixes every bit into the few the mask keeps.
std::size_t slotOf(std::uint64_t high, std::uint64_t low, std::size_t mask)
{
    std::uint64_t key = high ^ (low * 0x9E3779B97F4A7C15ULL);
    key ^= key >> 33;
    key *= 0xFF51AFD7ED558CCDULL;
    key ^= key >> 33;
    key *= 0xC4CEB9FE1A85EC53ULL;
    key ^= key >> 33;
    return std::size_t(key) & mask;
}

}  // namespace

std::uint32_t DayUsageFold::KeyTable::find(std::uint64_t high, std::uint64_t low, std::uint32_t next, bool *added)
{
    if ((m_count + 1) * 2 > m_slots.size())
        grow();
    const std::size_t mask = m_slots.size() - 1;
    for (std::size_t i = slotOf(high, low, mask);; i = (i + 1) & mask) {
        Slot &slot = m_slots[i];
        if (slot.numberPlusOne == 0) {
            slot = {high, low, next + 1};
            ++m_count;
            *added = true;
            return next;
        }
        if (slot.high == high && slot.low == low) {
            *added = false;
            return slot.numberPlusOne - 1;
        }
    }
}

void DayUsageFold::KeyTable::grow()
{
    std::vector<Slot> old = std::exchange(m_slots, std::vector<Slot>(std::max<std::size_t>(1024, m_slots.size() * 2)));
    const std::size_t mask = m_slots.size() - 1;
    for (const Slot &slot : old) {
        if (slot.numberPlusOne == 0)
            continue;
        std::size_t i = slotOf(slot.high, slot.low, mask);
        while (m_slots[i].numberPlusOne != 0)
            i = (i + 1) & mask;
        m_slots[i] = slot;
    }
}

void DayUsageFold::KeyTable::clear()
{
    std::fill(m_slots.begin(), m_slots.end(), Slot {});
    m_count = 0;
}

std::uint32_t DayUsageFold::Ids::number(std::string_view id)
{
    const auto next = std::uint32_t(texts.size());
    std::uint64_t high = 0;
    std::uint64_t low = 0;
    const bool guid = core::parseGuid(id, &high, &low);
    bool added = false;
    std::uint32_t number = next;
    if (guid) {
        number = guids.find(high, low, next, &added);
    } else if (const auto it = others.find(id); it != others.end()) {
        number = it->second;
    } else {
        added = true;
    }
    if (added) {
        texts.push_back(&owned.emplace_back(id));
        if (!guid)
            others.emplace(*texts.back(), number);
    }
    return number;
}

DayUsageFold DayUsageFold::sharingIds() const
{
    DayUsageFold fold;
    fold.m_people = m_people;
    fold.m_apps = m_apps;
    return fold;
}

void DayUsageFold::add(const graph::SignInView &signIn)
{
    add(signIn, signIn.userId ? m_people->number(*signIn.userId) : kNone,
        signIn.appId ? m_apps->number(*signIn.appId) : kNone);
}

void DayUsageFold::add(const graph::SignInView &signIn, std::uint32_t person, std::uint32_t app)
{
    std::uint64_t high = 0;
    std::uint64_t low = 0;
    bool added = false;
    if (core::parseGuid(signIn.id, &high, &low))
        (void)m_guids.find(high, low, 0, &added);
    else
        added = m_otherIds.emplace(signIn.id).second;
    if (!added)
        return;  // a repeat of an event already counted (the raw table keeps it once)
    if (app == kNone)
        return;  // names no app: counts for nothing here
    if (signIn.appDisplayName) {
        if (m_names.size() <= app)
            m_names.resize(std::size_t(app) + 1);
        std::optional<AppName> &name = m_names[app];
        if (!name)
            m_namedApps.push_back(app);
        if (!name || signIn.createdMs > name->seen.ms)
            name = AppName {std::string(*signIn.appDisplayName), instantOf(signIn)};
    }
    if (person == kNone)
        return;  // names no person
    const std::uint32_t index = m_rowIndex.find(person, app, std::uint32_t(m_rows.size()), &added);
    Row &row = added ? m_rows.emplace_back(Row {person, app, 0, 0, false, {}}) : m_rows[index];
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
    for (const Row &row : m_rows)
        rows.push_back(&row);
    return rows;
}

std::string_view DayUsageFold::personId(const Row &row) const
{
    return person(row.person);
}

std::string_view DayUsageFold::appId(const Row &row) const
{
    return app(row.app);
}

std::vector<std::pair<std::string_view, const DayUsageFold::AppName *>> DayUsageFold::appNames() const
{
    std::vector<std::pair<std::string_view, const AppName *>> names;
    names.reserve(m_namedApps.size());
    for (const std::uint32_t app : m_namedApps)
        names.emplace_back(*m_apps->texts.at(app), &*m_names.at(app));
    return names;
}

qsizetype DayUsageFold::events() const
{
    return qsizetype(m_guids.size()) + qsizetype(m_otherIds.size());
}

void DayUsageFold::clear()
{
    // The tables keep their room through clear(): the next day, of about the same size, does not
    // grow its way up again. The people and apps keep their numbers.
    m_guids.clear();
    m_otherIds.clear();
    m_rows.clear();
    m_rowIndex.clear();
    for (const std::uint32_t app : m_namedApps)
        m_names[app].reset();
    m_namedApps.clear();
}

}  // namespace stocktake::sync
