using Chatbot.Faq.Dataset;
using System.Collections.Frozen;

namespace Chatbot.Patients.Booking.PreferredTimes;

/// <summary>
/// The words the time parser knows, each mapped to one canonical spelling, plus typo correction: an unknown word of
/// five letters or more becomes the closest known word when it is at most one edit away (two from seven letters),
/// starts with the same letter, and no other canonical word is as close ("tuesay" → tuesday, "afternon" → afternoon).
/// </summary>
internal static class PreferredTimeVocabulary
{
    private static readonly (string Canonical, string[] Forms)[] Table =
    [
        ("monday", ["monday", "mondays", "mon"]),
        ("tuesday", ["tuesday", "tuesdays", "tue", "tues"]),
        ("wednesday", ["wednesday", "wednesdays", "wed", "weds", "wensday", "wendsday", "wednsday", "wedsday"]),
        ("thursday", ["thursday", "thursdays", "thu", "thur", "thurs"]),
        ("friday", ["friday", "fridays", "fri"]),
        ("saturday", ["saturday", "saturdays", "sat"]),
        ("sunday", ["sunday", "sundays", "sun"]),
        ("today", ["today", "todays", "tday"]),
        ("tonight", ["tonight", "tonite"]),
        ("tomorrow", ["tomorrow", "tomorrows", "tmrw", "tmr", "tmrow", "tmro", "tomoro", "tomo", "morrow"]),
        ("yesterday", ["yesterday", "yday"]),
        ("morning", ["morning", "mornings", "morn"]),
        ("afternoon", ["afternoon", "afternoons", "arvo"]),
        ("evening", ["evening", "evenings", "eve", "night", "nights", "nite"]),
        ("lunch", ["lunch", "lunchtime", "lunchtimes", "lunchbreak"]),
        ("noon", ["noon", "midday"]),
        ("midnight", ["midnight"]),
        ("week", ["week", "weeks", "wk", "wks"]),
        ("weekday", ["weekday", "weekdays", "wkday", "wkdays", "workday", "workdays"]),
        ("weekend", ["weekend", "weekends", "wknd"]),
        ("anytime", ["anytime", "whenever", "asap", "soon", "soonest", "sooner", "earliest", "anyday", "everyday", "daily", "flexible"]),
        ("day", ["day", "days", "date", "dates"]),
        ("time", ["time", "times"]),
        ("any", ["any"]),
        ("every", ["every", "all"]),
        ("this", ["this", "these"]),
        ("next", ["next", "nxt"]),
        ("coming", ["coming", "upcoming"]),
        ("last", ["last", "previous", "prev"]),
        ("first", ["first"]),
        ("available", ["available", "availability", "opening", "openings", "slot", "slots", "appointment", "appt"]),
        ("few", ["few", "couple"]),
        ("after", ["after", "past", "later", "aftr"]),
        ("before", ["before", "by", "earlier", "b4"]),
        ("until", ["until", "till", "til", "untill"]),
        ("around", ["around", "about", "approximately", "approx", "roughly", "circa", "near", "nearly", "ish", "abt", "round"]),
        ("between", ["between", "btwn"]),
        ("from", ["from"]),
        ("to", ["to", "thru", "through"]),
        ("at", ["at"]),
        ("and", ["and", "plus", "also"]),
        ("or", ["or", "nor", "either"]),
        ("in", ["in", "within"]),
        ("on", ["on"]),
        ("the", ["the"]),
        ("of", ["of"]),
        ("am", ["am"]),
        ("pm", ["pm"]),
        ("oclock", ["oclock"]),
        ("not", ["not", "never", "neither"]),
        ("no", ["no", "nope"]),
        ("except", ["except", "excluding", "besides", "excl"]),
        ("but", ["but"]),
        ("cant", ["cant", "cannot", "couldnt", "unable"]),
        ("dont", ["dont", "doesnt", "wont", "isnt", "aint", "wouldnt", "didnt"]),
        ("busy", ["busy", "unavailable"]),
        ("bad", ["bad", "impossible"]),
        ("work", ["work", "works", "suit", "suits", "good", "ok", "okay", "possible", "fine", "great", "doable", "free"]),
        ("other", ["other"]),
        ("than", ["than"]),
        ("apart", ["apart"]),
        ("january", ["january", "jan"]),
        ("february", ["february", "feb", "febuary"]),
        ("march", ["march", "mar"]),
        ("april", ["april", "apr"]),
        ("may", ["may"]),
        ("june", ["june", "jun"]),
        ("july", ["july", "jul"]),
        ("august", ["august", "aug"]),
        ("september", ["september", "sep", "sept"]),
        ("october", ["october", "oct"]),
        ("november", ["november", "nov"]),
        ("december", ["december", "dec"]),
    ];

    private static readonly FrozenDictionary<string, string> Aliases =
        Table.SelectMany(entry => entry.Forms.Select(form => KeyValuePair.Create(form, entry.Canonical))).ToFrozenDictionary(StringComparer.Ordinal);

    // Avoid correcting towards forms that ordinary words sit next to ("these" ~ "there", "anyday" ~ "anyway").
    private static readonly FrozenSet<string> NotTypoTargets = FrozenSet.ToFrozenSet(
        ["these", "either", "never", "neither", "night", "nights", "anyday", "later", "earlier", "round", "nearly", "circa", "daily", "sooner",
         "within", "opening", "openings", "slots", "other", "apart", "first", "every", "works", "suits", "great", "couple", "doable", "booked"],
        StringComparer.Ordinal);

    // Ordinary words one edit away from a time word with the same first letter.
    private static readonly FrozenSet<string> NeverCorrected = FrozenSet.ToFrozenSet(
        ["anyway", "anyways", "midway", "alter", "altar", "sundae", "match", "marsh", "thats", "there"], StringComparer.Ordinal);

    private static readonly string[] TypoTargets = [.. Aliases.Keys.Where(k => k.Length >= 5 && !NotTypoTargets.Contains(k)).Order(StringComparer.Ordinal)];

    private static readonly FrozenDictionary<string, int> NumberWords = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9,
        ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>"two" → 2 (one to twelve).</summary>
    public static bool TryGetNumber(string word, out int value) => NumberWords.TryGetValue(word, out value);

    /// <summary>The canonical spelling of <paramref name="word"/> (lower case), or the word itself when unknown.</summary>
    public static string Canonicalize(string word)
    {
        if (Aliases.TryGetValue(word, out var canonical))
        {
            return canonical;
        }

        if (word.Length < 5 || NeverCorrected.Contains(word))
        {
            return word;
        }

        var allowed = word.Length >= 7 ? 2 : 1;
        string? best = null;
        var bestDistance = int.MaxValue;
        var tie = false;
        foreach (var target in TypoTargets)
        {
            if (target[0] != word[0] || Math.Abs(target.Length - word.Length) > allowed)
            {
                continue;
            }

            var distance = EditDistance.Bounded(word, target, allowed);
            if (distance > allowed || distance > bestDistance)
            {
                continue;
            }

            var targetCanonical = Aliases[target];
            if (distance < bestDistance)
            {
                (best, bestDistance, tie) = (targetCanonical, distance, false);
            }
            else if (!string.Equals(best, targetCanonical, StringComparison.Ordinal))
            {
                tie = true;
            }
        }

        return best is not null && !tie ? best : word;
    }
}
