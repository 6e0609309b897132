// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <array>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace stocktake::graph {
struct SignInView;
}

namespace stocktake::sync {

/// One UTC day's sign-ins folded into usage_daily's rows while they are fetched: per person and
/// app, the successes, the failures and the last successful sign-in. It gives what
/// StoreWriter::foldDay computes from signins_raw, without reading the day back: each event id
/// counts once (the raw table keeps it once), events without a person or an app are left out,
/// app ids are lower case. Only for a day fetched from its start; a day resumed part-way is
/// folded from the table, which holds its earlier part.
///
/// A day at 100,000 people is 60,000 events, so add() allocates nothing for an event it has seen
/// the like of: people and apps are numbered once per sync (their ids kept for every later day,
/// and shared with the folds made by sharingIds()), an event id in Graph's form (a lower-case
/// GUID) is kept as its 16 bytes, and the tables keep their buckets from one day to the next.
/// StoreWriter::startDayUsage gives the rows their usage_keys keys when it writes them.
class DayUsageFold {
public:
    /// A time as stored: "yyyy-MM-ddTHH:mm:ssZ", with its ms for comparing.
    struct Instant {
        qint64 ms = 0;
        std::array<char, 20> text {};
        [[nodiscard]] std::string_view view() const { return {text.data(), text.size()}; }
    };
    struct Row {
        std::uint32_t person = 0;  ///< personId() gives the id
        std::uint32_t app = 0;     ///< appId() gives the id
        qint64 signIns = 0;
        qint64 failures = 0;
        bool hasLastSignIn = false;
        Instant lastSignIn;  ///< the latest success, when hasLastSignIn
    };
    /// The name an app signed in with, from the newest of its events that named it.
    struct AppName {
        std::string displayName;
        Instant seen;
    };

    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view text) const noexcept { return std::hash<std::string_view> {}(text); }
    };

    /// No person, or no app (add() with numbers).
    static constexpr std::uint32_t kNone = 0xFFFFFFFF;

    /// An empty fold that numbers people and apps as this one does (a sync's next day).
    [[nodiscard]] DayUsageFold sharingIds() const;

    void add(const graph::SignInView &signIn);
    /// add() for an event whose person and app are numbered already (kNone: it names none); its
    /// userId and appId are not read. A page read ahead keeps the numbers (SignInsStep).
    void add(const graph::SignInView &signIn, std::uint32_t person, std::uint32_t app);
    /// The number of a person's or an app's object id, as add() gives it, for every fold
    /// sharing these ids; and the id of a number.
    [[nodiscard]] std::uint32_t personNumber(std::string_view id) { return m_people->number(id); }
    [[nodiscard]] std::uint32_t appNumber(std::string_view id) { return m_apps->number(id); }
    [[nodiscard]] std::string_view person(std::uint32_t number) const { return *m_people->texts.at(number); }
    [[nodiscard]] std::string_view app(std::uint32_t number) const { return *m_apps->texts.at(number); }
    /// The rows, in no particular order: StoreWriter::startDayUsage sorts them by their keys.
    [[nodiscard]] std::vector<const Row *> rows() const;
    [[nodiscard]] std::string_view personId(const Row &row) const;
    [[nodiscard]] std::string_view appId(const Row &row) const;
    /// Each app named this day (app id in lower case, its newest name): every event counts, with
    /// or without a person.
    [[nodiscard]] std::vector<std::pair<std::string_view, const AppName *>> appNames() const;
    [[nodiscard]] qsizetype events() const;
    void clear();

private:
    /// 128-bit keys with a number each, by open addressing: no allocation per key, and the room
    /// stays through clear(), so the next day, of about the same size, does not grow again. Event
    /// ids and people and apps in Graph's form (lower-case GUIDs) are their 128 bits; a row is
    /// its person and app side by side.
    class KeyTable {
    public:
        /// The number kept for (high, low); `next` is kept when the key is new, and `added` set.
        std::uint32_t find(std::uint64_t high, std::uint64_t low, std::uint32_t next, bool *added);
        [[nodiscard]] std::size_t size() const { return m_count; }
        void clear();

    private:
        struct Slot {
            std::uint64_t high = 0;
            std::uint64_t low = 0;
            std::uint32_t numberPlusOne = 0;  ///< 0: empty
        };
        void grow();
        std::vector<Slot> m_slots;
        std::size_t m_count = 0;
    };
    /// Ids numbered in the order they were first seen: lower-case GUIDs, Graph's form for people
    /// and apps, by their 128 bits; any other id by its text. The texts stay put (a deque).
    struct Ids {
        KeyTable guids;
        std::unordered_map<std::string_view, std::uint32_t, Hash> others;  ///< keys view into `owned`
        std::deque<std::string> owned;
        std::vector<const std::string *> texts;  ///< by number
        std::uint32_t number(std::string_view id);
    };

    std::shared_ptr<Ids> m_people = std::make_shared<Ids>();
    std::shared_ptr<Ids> m_apps = std::make_shared<Ids>();
    KeyTable m_guids;                                                   ///< the day's event ids in Graph's form
    std::unordered_set<std::string, Hash, std::equal_to<>> m_otherIds;  ///< ids not in Graph's form
    std::vector<Row> m_rows;                                            ///< the day's
    KeyTable m_rowIndex;                                                ///< (person, app) → index into m_rows
    std::vector<std::optional<AppName>> m_names;                        ///< by app number: the apps named this day
    std::vector<std::uint32_t> m_namedApps;                             ///< their numbers
};

}  // namespace stocktake::sync
