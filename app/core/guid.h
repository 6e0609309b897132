// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace stocktake::core {

/// A GUID in Graph's form (36 characters, lower-case hex digits, dashes at 8, 13, 18 and 23) as
/// two 64-bit halves, the first digit the highest; false for anything else, upper case included:
/// "ABC…" and "abc…" are two different ids to the store. Without a branch per digit: the sync
/// reads three per sign-in.
[[nodiscard]] bool parseGuid(std::string_view text, std::uint64_t *high, std::uint64_t *low);

/// The 16 bytes of a GUID in Graph's form, in the order its digits are written (so that
/// lower(hex(bytes)) with the dashes put back is the text again); nothing for any other text.
[[nodiscard]] std::optional<std::array<char, 16>> guidBytes(std::string_view text);

}  // namespace stocktake::core
