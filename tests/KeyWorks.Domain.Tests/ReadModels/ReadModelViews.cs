using System.Text.Encodings.Web;
using System.Text.Json;
using KeyWorks.Domain.Figures;
using KeyWorks.Domain.ReadModels;
using KeyWorks.Domain.Rankings;

namespace KeyWorks.Domain.Tests.ReadModels;

/// <summary>Two read models compare by what the API and the bulletin show of them.</summary>
internal static class ReadModelViews
{
    /// <summary>Everything the API and the bulletin read, as JSON, so two models compare by what they show.</summary>
    public static string Json(KeyWorksReadModel model, DateTimeOffset at)
    {
        var date = BusinessCalendar.DateOf(at);
        var month = BusinessCalendar.ReportingMonth(date);
        return Tests.Json.Of(new
        {
            List = ProjectViews.List(model, date),
            Details = model.Projects.Keys.Select(id => ProjectViews.Detail(model, id, date)),
            Series = MonthlySeries.For([.. model.Projects.Values.Select(v => v.State)], 2026, date),
            Board = ProblemBoards.Build(model, at),
            Monthly = month.Year == 2026 ? RankingCalculator.Monthly(model, month) : null,
            Groups = Enum.GetValues<GroupBy>().Select(g => GroupFigureCalculator.By(g, ProjectViews.Figures(model, date))),
            model.Position,
        });
    }

    private static readonly JsonSerializerOptions WholeOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new KeyWorks.Domain.Storing.YearMonthJsonConverter() },
    };

    /// <summary>The whole model, every fact it keeps, as JSON.</summary>
    public static string Whole(KeyWorksReadModel model) => JsonSerializer.Serialize(model, WholeOptions);
}
