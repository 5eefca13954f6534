namespace Chatbot.Patients.Booking.PreferredTimes;

/// <summary>Minutes since local midnight, <c>[Start, End)</c>; the set operations keep lists sorted and merged.</summary>
internal readonly record struct MinuteSpan(int Start, int End)
{
    /// <summary>The whole day.</summary>
    public static readonly MinuteSpan Day = new(0, 24 * 60);

    public bool IsEmpty => End <= Start;

    public MinuteSpan Overlap(MinuteSpan other) => new(Math.Max(Start, other.Start), Math.Min(End, other.End));

    public static IReadOnlyList<MinuteSpan> Union(IEnumerable<MinuteSpan> spans)
    {
        var merged = new List<MinuteSpan>();
        foreach (var span in spans.Where(s => !s.IsEmpty).OrderBy(s => s.Start))
        {
            if (merged.Count > 0 && span.Start <= merged[^1].End)
            {
                merged[^1] = merged[^1] with { End = Math.Max(merged[^1].End, span.End) };
            }
            else
            {
                merged.Add(span);
            }
        }

        return merged;
    }

    public static IReadOnlyList<MinuteSpan> Intersect(IReadOnlyList<MinuteSpan> spans, IReadOnlyList<MinuteSpan> others) =>
        Union(spans.SelectMany(a => others.Select(a.Overlap)));

    public static IReadOnlyList<MinuteSpan> Intersect(IReadOnlyList<MinuteSpan> spans, MinuteSpan other) => Intersect(spans, [other]);

    public static IReadOnlyList<MinuteSpan> Subtract(IReadOnlyList<MinuteSpan> spans, MinuteSpan removed) =>
        Union(spans.SelectMany(s => new[] { new MinuteSpan(s.Start, Math.Min(s.End, removed.Start)), new MinuteSpan(Math.Max(s.Start, removed.End), s.End) }));
}
