using System.Text.RegularExpressions;

namespace Chatbot.Patients.Privacy;

/// <summary>
/// Removes personal data from a patient's message before anything is stored for staff review: e-mail addresses,
/// phone numbers, dates (dates of birth), numbers that look like identifiers (record, member, social-security
/// numbers), street addresses and names introduced as names ("my name is …", "I'm …", "this is …").
/// </summary>
/// <remarks>
/// Errs on the side of removing too much: staff need the shape of the question, not the patient's details.
/// </remarks>
public sealed partial class PersonalDataRedactor
{
    /// <summary>Replaces every piece of personal data in <paramref name="text"/> with a placeholder such as <c>[email]</c>.</summary>
    public string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var result = Email().Replace(text, "[email]");
        result = Url().Replace(result, "[link]");
        result = DateNumeric().Replace(result, "[date]");
        result = DateWords().Replace(result, "[date]");
        result = Phone().Replace(result, "[phone]");
        result = Address().Replace(result, "[address]");
        result = Identifier().Replace(result, "[id]");
        result = IntroducedName().Replace(result, m => m.Groups["lead"].Value + "[name]");
        result = ShortIntroducedName().Replace(result, m => m.Groups["lead"].Value + "[name]");
        result = SignedName().Replace(result, m => m.Groups["lead"].Value + "[name]");
        result = NameHere().Replace(result, "[name]");
        result = KnownFirstName().Replace(result, "[name]");
        result = SurnameAfterName().Replace(result, "[name]");
        return result;
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+\s*(@|\(at\)|\[at\])\s*[A-Za-z0-9.\-]+\s*(\.|\(dot\)|\[dot\])\s*[A-Za-z]{2,}", RegexOptions.IgnoreCase)]
    private static partial Regex Email();

    [GeneratedRegex(@"\bhttps?://\S+", RegexOptions.IgnoreCase)]
    private static partial Regex Url();

    // 03/14/1985, 3-14-85, 1985-03-14, 14.03.1985
    [GeneratedRegex(@"\b(\d{1,2}[/\-.]\d{1,2}[/\-.]\d{2,4}|\d{4}[/\-.]\d{1,2}[/\-.]\d{1,2}|\d{1,2}/\d{1,2})\b")]
    private static partial Regex DateNumeric();

    // March 14, 1985 / 14 March 1985 / Mar 14th / born in 1985
    [GeneratedRegex(@"\b((jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(st|nd|rd|th)?(,?\s+\d{2,4})?|\d{1,2}(st|nd|rd|th)?\s+(of\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(,?\s+\d{2,4})?|(born|dob|birthday|birth\s+date|date\s+of\s+birth)\b[^.,;!?]{0,6}\b(in\s+|on\s+|is\s+|:\s*)?(19|20)\d{2})\b", RegexOptions.IgnoreCase)]
    private static partial Regex DateWords();

    // (312) 555-0142, 312-555-0142, +1 312 555 0142, 3125550142
    [GeneratedRegex(@"(?<!\w)(\+?\d{1,3}[\s.\-]?)?(\(\d{3}\)|\d{3})[\s.\-]?\d{3}[\s.\-]?\d{4}(?!\w)")]
    private static partial Regex Phone();

    // 1234 N Main St, 55 West Elm Avenue
    [GeneratedRegex(@"\b\d{1,6}\s+([NSEW]\.?\s+|north\s+|south\s+|east\s+|west\s+)?([A-Z][a-z]+\s+){1,3}(st|street|ave|avenue|rd|road|blvd|boulevard|dr|drive|ln|lane|ct|court|pl|place|way|pkwy|parkway)\b\.?", RegexOptions.IgnoreCase)]
    private static partial Regex Address();

    // Long digit runs and codes with many digits: MRN 00123456, member id AB12345678, SSN 123-45-6789
    [GeneratedRegex(@"\b(\d{3}-\d{2}-\d{4}|[A-Za-z]{0,4}\d[\dA-Za-z\-]{4,}\d)\b")]
    private static partial Regex Identifier();

    // "my name is jane doe", "name: Jane", "call me Jane": the lead says a name follows, so any case.
    [GeneratedRegex(@"(?<lead>\b(my\s+name\s+is|my\s+names|my\s+name's|name\s*:|call\s+me|first\s+name\s+is|last\s+name\s+is|surname\s+is)\s+)(?<name>(?!(at|on|back|tomorrow|today|tonight|later|asap|anytime|whenever|when|if|please|now|soon|in|after|before|around|between|any|by|via|through)\b)[a-z][a-z'\-]+(\s+(?!(and|but|i|im|my|or|so|can|could|would|how|what|when|is|at|on|please|thanks|thank)\b)[a-z][a-z'\-]+){0,2})", RegexOptions.IgnoreCase)]
    private static partial Regex IntroducedName();

    // "I'm Jane", "this is Jane Doe": weaker leads, so only a capitalised word that is not a common word counts.
    [GeneratedRegex(@"(?<lead>\b([Ii]\s+am|[Ii]'m|[Ii]m|[Tt]his\s+is|[Ii]t's|[Hh]ello,?\s+[Ii]'m)\s+)(?<name>(?!(A|An|The|Not|So|Very|Really|Just|Still|Here|There|In|On|At|From|With|About|New|Ketamine|Dr|Doctor|Nurse|Chicago|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|I)\b)[A-Z][a-z'\-]+(\s+[A-Z][a-z'\-]+){0,2})")]
    private static partial Regex ShortIntroducedName();

    // Common first names, in any case, with an optional surname after them. Names that are also everyday words
    // (Will, May, Grace, Hope, Bill…) are left out on purpose.
    // "Jordan Avery here, …", "Hi, Sam Lee speaking": a capitalised name right before "here"/"speaking", at the start
    // of the message or of a sentence (after a greeting too). Words that often stand there are not names.
    [GeneratedRegex(@"(?<=(^|[.!?;:]\s*|\b(hi|hello|hey|morning|afternoon|evening)\b[,!]?\s*))(?!(Is|Are|Am|Was|Anyone|Someone|Somebody|Nobody|Everyone|Everybody|What|Who|How|Why|When|Where|Which|Can|Could|Do|Does|Did|I|We|You|They|He|She|It|That|This|Still|Right|Over|Out|Up|Down|Come|Get|Stay|Park|Parking|Wait|Waiting|Sit|Sign|Stop|Start|Click|Tap|Not|Just|Only|Also|Nurse|Doctor|Dr|Staff|Patient|Clinic)\b)[A-Z][a-z'\-]+(\s+[A-Z][a-z'\-]+){0,2}(?=,?\s+(here|speaking)\b)")]
    private static partial Regex NameHere();

    /// <summary>
    /// Like <see cref="Redact(string?)"/>, and also removes every word of <paramref name="knownNames"/> and every
    /// <paramref name="knownContacts"/> value the conversation has already given (a name typed alone at the booking step
    /// has no lead-in a pattern could catch).
    /// </summary>
    public string Redact(string? text, IEnumerable<string> knownNames, IEnumerable<string> knownContacts)
    {
        ArgumentNullException.ThrowIfNull(knownNames);
        ArgumentNullException.ThrowIfNull(knownContacts);
        var result = Redact(text);
        foreach (var contact in knownContacts.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()))
        {
            // Digits may be typed with any separators: match the digits with anything non-alphanumeric between them.
            var digits = new string([.. contact.Where(char.IsDigit)]);
            var pattern = digits.Length >= 7 && digits.Length == contact.Count(char.IsLetterOrDigit)
                ? string.Join(@"[^\p{L}\p{N}]{0,3}", digits.Select(d => d.ToString()))
                : Regex.Escape(contact);
            result = Regex.Replace(result, pattern, "[contact]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));
        }

        foreach (var word in knownNames.SelectMany(n => NameWord().Matches(n)).Select(m => m.Value).Where(w => w.Length >= 2).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            result = Regex.Replace(result, @"(?<![\p{L}\p{N}])" + Regex.Escape(word) + @"(?![\p{L}\p{N}])", "[name]",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));
        }

        return result;
    }

    [GeneratedRegex(@"[\p{L}][\p{L}'\-]*")]
    private static partial Regex NameWord();

    [GeneratedRegex(@"\b(james|john|robert|michael|david|richard|joseph|thomas|charles|christopher|daniel|matthew|anthony|donald|steven|paul|andrew|joshua|kenneth|kevin|brian|george|timothy|ronald|jason|edward|jeffrey|ryan|jacob|gary|nicholas|eric|jonathan|stephen|larry|justin|scott|brandon|benjamin|samuel|gregory|alexander|patrick|dennis|tyler|aaron|jose|nathan|henry|zachary|douglas|peter|kyle|noah|ethan|jeremy|walter|christian|keith|roger|terry|austin|sean|gerald|carl|harold|dylan|arthur|lawrence|jordan|jesse|bryan|billy|bruce|gabriel|logan|alan|juan|albert|willie|elijah|randy|wayne|vincent|mary|patricia|jennifer|linda|elizabeth|barbara|susan|jessica|sarah|karen|lisa|nancy|betty|sandra|margaret|ashley|kimberly|emily|donna|michelle|carol|amanda|melissa|deborah|stephanie|dorothy|rebecca|sharon|laura|cynthia|amy|kathleen|angela|shirley|brenda|emma|anna|pamela|nicole|samantha|katherine|christine|helen|debra|rachel|carolyn|janet|maria|catherine|heather|diane|olivia|julie|joyce|victoria|ruth|virginia|lauren|kelly|christina|joan|evelyn|judith|andrea|hannah|megan|cheryl|jacqueline|martha|madison|teresa|gloria|sara|janice|ann|kathryn|abigail|sophia|frances|jean|alice|judy|isabella|julia|beverly|denise|marilyn|amber|danielle|brittany|diana|natalie|sophia|alexis|lori|kayla|jane|mohammed|muhammad|ahmed|ali|fatima|aisha|wei|li|chen|carlos|luis|miguel|jorge|ana|rosa|guadalupe|sofia|camila|valentina|priya|raj|arjun|anil|deepa)\b(?-i:\s+[A-Z][a-z'\-]+)?", RegexOptions.IgnoreCase)]
    private static partial Regex KnownFirstName();

    // A lower-case word straight after a redacted first name is most likely the surname ("this is john smith").
    [GeneratedRegex(@"\[name\]\s+(?!(and|but|or|so|i|im|my|me|can|could|would|should|how|what|when|where|why|is|are|at|on|please|thanks|thank|here|there|from|with|about|calling|again|speaking|asking|wondering|the|a|an|to|for|in|of|has|have|had|was|were|will|wants|needs|said|says|who|if|did|does|do|just|also|too|and)\b)[a-z][a-z'\-]+\b")]
    private static partial Regex SurnameAfterName();

    // A sign-off: "thanks, Jane" / "- John Smith" at the end of a message
    [GeneratedRegex(@"(?<lead>(\b(thanks|thank\s+you|regards|best|cheers|sincerely),?\s+|^\s*-\s*|\s-\s*))[A-Z][a-z'\-]+(\s+[A-Z][a-z'\-]+)?\s*[.!]?\s*$")]
    private static partial Regex SignedName();
}
