using System.Text.Json;
using System.Text.RegularExpressions;
using KeyWorks.Domain.Problems;
using KeyWorks.Domain.Projects;
using KeyWorks.Domain.Storing;
using KeyWorks.Domain.Tests.Demo;

namespace KeyWorks.Domain.Tests.Storing;

public sealed partial class storing_domain_events
{
    private static readonly IReadOnlyList<Type> EventTypes = [.. typeof(IDomainEvent).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IDomainEvent).IsAssignableFrom(t))];

    [GeneratedRegex("^[a-z]+(-[a-z]+)*$")]
    private static partial Regex KebabCase();

    [Fact]
    public void every_domain_event_type_has_a_kebab_case_name_of_its_own()
    {
        var registry = KeyWorksEventTypes.Options().Events;
        var names = EventTypes.Select(registry.NameOf).ToList();

        Assert.Equal(29, EventTypes.Count);
        Assert.All(names, name => Assert.Matches(KebabCase(), name));
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.All(EventTypes, type => Assert.Equal(type, registry.TypeOf(registry.NameOf(type))));
    }

    [Fact]
    public void every_demo_event_reads_back_as_it_was_written()
    {
        var options = KeyWorksJsonContext.Default.Options;
        foreach (var envelope in DemoData.Envelopes)
        {
            var type = envelope.Event.GetType();
            var body = JsonSerializer.Serialize(envelope.Event, type, options);
            var back = JsonSerializer.Deserialize(body, type, options);
            Assert.Equal(Json.Of(envelope.Event), Json.Of(back));
        }
    }

    [Fact]
    public void months_are_written_as_year_and_month_and_enums_by_name()
    {
        var @event = new InvestmentReportRejected("road", new YearMonth(2026, 3), "数字有误", "office-1");
        var body = JsonSerializer.Serialize(@event, KeyWorksJsonContext.Default.InvestmentReportRejected);
        Assert.Contains("\"month\":\"2026-03\"", body, StringComparison.Ordinal);

        var problem = JsonSerializer.Serialize(
            new ProblemRaised("p1", "road", ProblemCategory.Land, "t", "d", "u", Fixtures.Now),
            KeyWorksJsonContext.Default.ProblemRaised);
        Assert.Contains("\"category\":\"Land\"", problem, StringComparison.Ordinal);
    }
}
