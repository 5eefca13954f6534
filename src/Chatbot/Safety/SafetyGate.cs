using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Chatbot.Safety;

/// <summary>
/// The crisis gate: runs before anything else on every message, in every dialog state. It looks for suicidal or
/// self-harm language (→ 988 and 911) and medical-emergency language (→ 911).
/// </summary>
/// <remarks>
/// Deliberately rules, not the classifier: the gate must be predictable, reviewable and independent of whatever the
/// staff do to the FAQ model. Misspellings are handled by mapping near-miss words onto a small vocabulary of
/// risk words before the phrase rules run; idioms ("this wait is killing me", "kill time", "dying to know") are
/// removed first. A false alarm costs a patient one extra message; a miss can cost a life, so the rules lean
/// inclusive and their recall and false-positive rate are measured on the test set in the repository.
/// </remarks>
public sealed partial class SafetyGate
{
    private static readonly string[] FuzzyVocabulary =
    [
        "suicide", "suicidal", "suicidally", "myself", "overdose", "overdosed", "overdosing", "unresponsive",
        "breathe", "breathing", "seizure", "seizures", "seizing", "killing", "unconscious", "conscious", "ending",
    ];

    private static readonly (string Name, Regex Pattern)[] CrisisRules =
    [
        ("suicide-word", new(@"\b(suicide|suicidal|suicidally|suicidio|suicidar\w*|unalive\w*)\b", RegexOptions.Compiled)),
        ("harm-myself", new(@"\b(kill+|kil|killing|kills|hurt|hurting|harm|harming|cut|cutting|burn|burning|hang|hanging|shoot|shooting|drown|drowning|poison|poisoning|stab|stabbing|starve|starving|off|offing|end|ending)\s+(my\s*self|myself|meself|himself|herself|themselves|themself)\b|\b(cut|cutting|burn|burning)\s+(again|deeper)\b", RegexOptions.Compiled)),
        ("self-harm", new(@"\bself\s*(harm|harming|injur\w*|mutilat\w*)\b", RegexOptions.Compiled)),
        ("kms", new(@"\b(kms|kmsl)\b", RegexOptions.Compiled)),
        ("want-to-die", new(@"\b(want|wanna|wanting|wanted|going|gonna|ready|wish|wishing|hope|hoping|rather|prefer|deserve|plan|planning|like)\b(\s+\w+){0,3}?\s+(to\s+)?(die|dead|be\s+dead|not\s+exist|disappear\s+forever|be\s+gone\s+forever)\b", RegexOptions.Compiled)),
        ("end-life", new(@"\b(end|ending|ended|take|taking|took)\s+(my|his|her|their)\s+(own\s+)?life\b", RegexOptions.Compiled)),
        ("end-it-all", new(@"\b(end|ending|finish|finishing)\s+(it\s+all|everything|things|it\s+now|it\s+tonight|it\s+for\s+good)\b|\b(want|wanna|going|gonna|ready|planning|plan)\s+to\s+end\s+it\b|\bmake\s+it\s+(all\s+)?stop\s+(for\s+good|forever|permanently)\b|\b(done|finished|tired|sick)\s+(with|of)\s+(life|living|being\s+alive|existing)\b", RegexOptions.Compiled)),
        ("not-want-to-live", new(@"\b(dont|do\s+not|didnt|no\s+longer|not)\s+(want|wanna|wish)\s+(to\s+)?(live|be\s+alive|be\s+here|exist|wake\s+up|go\s+on|keep\s+going|keep\s+living)\b", RegexOptions.Compiled)),
        ("never-wake", new(@"\b(never|not)\s+wak(e|ing)\s+up\b", RegexOptions.Compiled)),
        ("better-off", new(@"\bbetter\s+off\s+(without\s+me|dead|if\s+i\s+(was|were|wasnt|werent)\b)", RegexOptions.Compiled)),
        ("no-reason-to-live", new(@"\b(no|any|whats\s+the|what\s+is\s+the)\s+(reason|point|purpose)\s+(to|in|of)\s+(live|living|life|going\s+on|being\s+alive|anything\s+anymore)\b|\b(no|dont|cant|cannot|not|never|lost|without)\b(\s+\w+){0,3}\s+reason\s+to\s+(live|keep\s+going|go\s+on|be\s+here|stay\s+alive|keep\s+living)\b", RegexOptions.Compiled)),
        ("not-worth-living", new(@"\b(life|living|it)\s+(is\s+|isnt\s+|is\s+not\s+|s\s+)?(not\s+)?worth\s+living\b|\bnot\s+worth\s+living\b|\blife\s+(is\s+)?(pointless|meaningless|hopeless)\b", RegexOptions.Compiled)),
        ("cant-go-on", new(@"\b(cant|cannot|can\s+not)\s+(go\s+on|keep\s+going|take\s+it\s+any\s*more|do\s+this\s+any\s*more|live\s+like\s+this)\b", RegexOptions.Compiled)),
        ("nobody-would-miss", new(@"\b(nobody|no\s+one|noone)\s+(would|will)\s+(miss|care|notice)\b", RegexOptions.Compiled)),
        ("thoughts-of-death", new(@"\b(thoughts?|thinking|think|thought)\s+(about|of)\s+(suicide|dying|death|killing|ending|taking\s+my|hurting\s+myself|harming\s+myself|not\s+being\s+here)\b", RegexOptions.Compiled)),
        ("pills-on-purpose", new(@"\b(take|taking|swallow|swallowing|took)\s+(all|a\s+bunch\s+of|all\s+of)\s+(my|the)\s+(pills|meds|medication|medicine)\b|\b(overdose|od)\s+on\s+purpose\b", RegexOptions.Compiled)),
        ("farewell", new(@"\b(suicide|goodbye)\s+(notes?|letters?)\b|\bgiving\s+(away\s+)?(all\s+)?my\s+(things|stuff|belongings|possessions)(\s+away)?\b|\b(im|i\s+am)\s+(just\s+|such\s+|only\s+)?a\s+burden\b|\b(jump|jumping)\s+(off|from|in\s+front\s+of)\b|\bthinking\s+(about|of)\s+jumping\b", RegexOptions.Compiled)),
        ("i-should-die", new(@"\bi\s+(should|could|would|might|will|wanna|want\s+to|am\s+going\s+to|m\s+going\s+to|gonna|need\s+to|deserve\s+to)\s+(just\s+|rather\s+|really\s+)?(die|be\s+dead)\b|\b(wish|wished)\s+(i|id)\s+(was|were|had|d)?\s*(never|not)\s+(been\s+)?born\b|\bno\s+way\s+out\b|\bexcept\s+death\b", RegexOptions.Compiled)),
        ("want-it-to-end", new(@"\b(want|wish|need|wanting)\s+(it\s+all|everything|it|my\s+life|this\s+life|all\s+of\s+this)\s+to\s+(end|stop|be\s+over)\b|\b(stop\s+existing|cease\s+to\s+exist|not\s+exist\s+any\s*more|stop\s+living)\b|\bgiv(e|ing)\s+up\s+on\s+(life|living|myself|everything)\b", RegexOptions.Compiled)),
        ("life-not-worth-it", new(@"\b(life|living|my\s+life)\s+(is\s+|isnt\s+|s\s+)?(not\s+)?worth\s+(it|living)\b|\b(im|i\s+am)\s+not\s+worth\s+(it|living|saving)\b", RegexOptions.Compiled)),
        ("lethal-means", new(@"\b(pills|much|many|dose)\b(\s+\w+){0,5}\s+(to\s+die|to\s+kill\s+(me|myself|someone)|be\s+lethal|be\s+fatal)\b|\b(lethal|fatal)\s+(dose|amount)\b|\b(plan|planning|want|wanna|going|gonna|thinking\s+about|thinking\s+of)\s+(to\s+)?(overdose|od)\b|\b(slit|slice|slash|cut|cutting)\w*\s+(my|his|her)\s+wrists?\b|\b(going|gonna|about|ready|want|wanna|planning)\s+to\s+jump\b(?!\s+(on|in|at|into|start|ahead|through|the\s+gun|right\s+in))", RegexOptions.Compiled)),
        ("spanish", new(@"\b(quiero\s+morir\w*|me\s+quiero\s+morir|(ganas\s+de|deseo|quisiera)\s+morir\w*|matarme|quitarme\s+la\s+vida|acabar\s+con\s+mi\s+vida|no\s+quiero\s+vivir|hacerme\s+dano|me\s+voy\s+a\s+matar)\b", RegexOptions.Compiled)),
    ];

    private static readonly (string Name, Regex Pattern)[] EmergencyRules =
    [
        ("cant-breathe", new(@"\b(cant|cannot|can\s+not|couldnt|unable\s+to|trouble|struggling\s+to|hard\s+to|difficulty|problems?)\s+(to\s+)?(breathe|breathing|breath|catch\s+my\s+breathe?)\b", RegexOptions.Compiled)),
        ("not-breathing", new(@"\b(not|isnt|is\s+not|wasnt|stopped|stop|barely|hardly|aint)\s+(breathing|breathe)\b|\bshort(ness)?\s+of\s+breath\b", RegexOptions.Compiled)),
        ("chest-pain", new(@"\bchest\s+(pain|pains|hurts|hurting|is\s+(tight|hurting|killing)|tightness|pressure)\b|\b(pain|pressure|tightness)\s+in\s+(my|his|her|the)\s+chest\b|\b(having|is\s+having|think\s+(i\s*m|im|i\s+am|he\s+is|hes|she\s+is|shes)\s+having)\s+(a\s+)?(heart\s+attack|stroke)\b|\bblood\s+pressure\s+(is\s+)?(2\d\d|very\s+high|through\s+the\s+roof|sky\s+high)\b", RegexOptions.Compiled)),
        ("overdose", new(@"\b(overdosed|overdosing|oded|od\s+d)\b|\b(i|he|she|they|we|friend|husband|wife|son|daughter|partner|mom|dad|mother|father|boyfriend|girlfriend|brother|sister|roommate|child|kid|baby|someone|somebody|patient)\b(\s+\w+){0,3}\s+(overdose|overdosed|od)\b|\b(took|taken|take|had|used|injected|snorted)\s+(way\s+)?too\s+(much|many)\b(?!\s+(time|money|work|effort|days|hours|minutes|questions|notes|photos))|\btoo\s+many\s+(pills|doses)\b|\b(took|taken|had|used|swallowed)\s+(double|twice|triple|two|three)\s+(my|the|doses|times)\b|\b(swallowed|ate|drank)\s+(my|his|her|some|the|all)\s+(\w+\s+)?(ketamine|pills|meds|medication|lozenges|medicine)\b", RegexOptions.Compiled)),
        ("unresponsive", new(@"\b(going\s+to|gonna|about\s+to|might|feel\s+like\s+(i\s*m|im|i\s+am)\s+(going\s+to|gonna))\s+(pass\s+out|faint|black\s+out|collapse)\b|\b(unresponsive|unconscious|not\s+responding|non\s+responsive|collapsed|passed\s+out|fainted|blacked\s+out)\b|\b(wont|will\s+not|cant|cannot|couldnt)\s+wake\s+(up|him|her|them)\b|\bnot\s+waking\s+up\b", RegexOptions.Compiled)),
        ("seizure", new(@"\b(just\s+had|having|is\s+having|started\s+having|in\s+the\s+middle\s+of)\s+(a\s+)?(seizure|seizures|fit)\b|\b(seizing|convulsing|convulsions)\b", RegexOptions.Compiled)),
        ("turning-blue", new(@"\b(turning|turned|going|gone)\s+blue\b|\b(lips|face)\s+(are|is)\s+blue\b|\bblue\s+lips\b", RegexOptions.Compiled)),
        ("allergic", new(@"\b(allergic\s+reaction|anaphyla\w*|throat\s+(is\s+)?(closing|swelling)|swollen\s+throat)\b|\b(face|tongue|lips|throat)\b(\s+\w+){0,3}\s+(swelling|swollen|swell)\b", RegexOptions.Compiled)),
        ("bleeding", new(@"\bbleeding\s+(heavily|a\s+lot|badly|wont\s+stop|that\s+wont\s+stop)\b", RegexOptions.Compiled)),
        ("emergency", new(@"\b(this\s+is\s+an|its\s+an|having\s+an?|medical)\s+emergency\b|\bcall(ing)?\s+(an\s+)?ambulance\b|\b911\b", RegexOptions.Compiled)),
    ];

    // Idioms that contain risk words but are not risk. Removed before the rules run.
    private static readonly Regex Idioms = new(
        @"\b(kill(ing)?\s+(some\s+)?time|(is|s|are|was)\s+killing\s+me|killing\s+it|dying\s+to\s+(know|try|ask|find|get|see|hear)|to\s+die\s+for|dead\s+(tired|line|serious)|deadline|bored\s+to\s+death|scared\s+to\s+death|my\s+phone\s+(is\s+)?(dying|dead)|battery\s+(is\s+)?(dying|dead)|(can|could|will|would)\s+(you|i|someone|people|one|a\s+person)\s+overdose(\s+on)?|risk\s+of\s+(an\s+)?overdose|possible\s+to\s+overdose|overdose\s+risk)\b",
        RegexOptions.Compiled);

    /// <summary>Assesses one message. Never throws; null or empty text is safe.</summary>
    public SafetyAssessment Assess(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return SafetyAssessment.Safe;
        }

        var normalized = Normalize(text.Length > 4000 ? text[..4000] : text);
        normalized = Idioms.Replace(normalized, " ");

        foreach (var (name, pattern) in CrisisRules)
        {
            if (pattern.IsMatch(normalized))
            {
                return new SafetyAssessment(SafetyRisk.Crisis, name);
            }
        }

        foreach (var (name, pattern) in EmergencyRules)
        {
            if (pattern.IsMatch(normalized))
            {
                return new SafetyAssessment(SafetyRisk.MedicalEmergency, name);
            }
        }

        return SafetyAssessment.Safe;
    }

    /// <summary>
    /// Lower-cases, removes diacritics and apostrophes ("don't" → "dont"), turns everything else that is not a
    /// letter or digit into a space, squeezes letters repeated three or more times, and maps near-miss spellings
    /// onto the risk vocabulary.
    /// </summary>
    internal static string Normalize(string text)
    {
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark || c is '\'' or '\u2019' or '\u2018' or '`')
            {
                continue;
            }

            builder.Append(char.IsLetterOrDigit(c) ? c : ' ');
        }

        var words = builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            words[i] = Canonicalize(SqueezeRepeats(words[i]));
        }

        return string.Join(' ', words);
    }

    private static string SqueezeRepeats(string word)
    {
        if (word.Length < 3)
        {
            return word;
        }

        var builder = new StringBuilder(word.Length);
        for (var i = 0; i < word.Length; i++)
        {
            if (i >= 2 && word[i] == word[i - 1] && word[i] == word[i - 2])
            {
                continue;
            }

            builder.Append(word[i]);
        }

        return builder.ToString();
    }

    private static string Canonicalize(string word)
    {
        switch (word)
        {
            case "wnat" or "wnt" or "whant" or "wamt" or "wan":
                return "want";
            case "overdue" or "overdone" or "override" or "overrode" or "overload":
                return word;
            case "kil" or "kll" or "kiil":
                return "kill";
            case "mysefl" or "myslef" or "mysel" or "myelf" or "mself" or "meself":
                return "myself";
            case "wana" or "wnna" or "wannna":
                return "wanna";
            case "dye" or "dei":
                return "die";
            case "breath" or "breth" or "brethe" or "breate" or "breathin":
                return "breathe";
        }

        if (word.Length < 5)
        {
            return word;
        }

        if (Array.IndexOf(FuzzyVocabulary, word) >= 0)
        {
            return word;
        }

        var allowed = word.Length >= 7 ? 2 : 1;
        string? closest = null;
        var closestDistance = int.MaxValue;
        foreach (var candidate in FuzzyVocabulary)
        {
            if (candidate[0] != word[0] || Math.Abs(candidate.Length - word.Length) > 2)
            {
                continue;
            }

            var distance = BoundedDamerauLevenshtein(word, candidate, allowed);
            if (distance <= allowed && distance < closestDistance)
            {
                (closest, closestDistance) = (candidate, distance);
            }
        }

        return closest ?? word;
    }

    /// <summary>Optimal-string-alignment distance, giving up early once it exceeds <paramref name="limit"/>.</summary>
    internal static int BoundedDamerauLevenshtein(string a, string b, int limit)
    {
        var previousPrevious = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previousPrevious[j - 2] + 1);
                }

                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            if (rowMin > limit)
            {
                return limit + 1;
            }

            (previousPrevious, previous, current) = (previous, current, previousPrevious);
        }

        return previous[b.Length];
    }
}
