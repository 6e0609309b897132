// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "guid.h"

namespace stocktake::core {

namespace {

/// A lower-case hex digit's value; 0x10 for every other byte.
constexpr std::array<std::uint8_t, 256> kHexDigits = [] {
    std::array<std::uint8_t, 256> digits {};
    digits.fill(0x10);
    for (int c = '0'; c <= '9'; ++c)
        digits[std::size_t(c)] = std::uint8_t(c - '0');
    for (int c = 'a'; c <= 'f'; ++c)
        digits[std::size_t(c)] = std::uint8_t(c - 'a' + 10);
    return digits;
}();

/// Where a GUID's 32 digits stand in its 36-character form.
constexpr std::array<std::uint8_t, 32> kGuidDigitAt = {0, 1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 14, 15, 16, 17, 19, 20,
    21, 22, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35};

}  // namespace

bool parseGuid(std::string_view text, std::uint64_t *high, std::uint64_t *low)
{
    if (text.size() != 36 || text[8] != '-' || text[13] != '-' || text[18] != '-' || text[23] != '-')
        return false;
    std::uint64_t halves[2] = {0, 0};
    unsigned bad = 0;
    for (std::size_t half = 0; half < 2; ++half) {
        std::uint64_t value = 0;
        for (std::size_t i = 0; i < 16; ++i) {
            const unsigned digit = kHexDigits[static_cast<unsigned char>(text[kGuidDigitAt[half * 16 + i]])];
            bad |= digit;
            value = (value << 4) | (digit & 0xF);
        }
        halves[half] = value;
    }
    if ((bad & 0x10) != 0)
        return false;
    *high = halves[0];
    *low = halves[1];
    return true;
}

std::optional<std::array<char, 16>> guidBytes(std::string_view text)
{
    std::uint64_t halves[2] = {0, 0};
    if (!parseGuid(text, &halves[0], &halves[1]))
        return std::nullopt;
    std::array<char, 16> bytes {};
    for (std::size_t i = 0; i < 16; ++i)
        bytes[i] = static_cast<char>((halves[i / 8] >> (56 - 8 * (i % 8))) & 0xFF);
    return bytes;
}

}  // namespace stocktake::core
