using System.Runtime.CompilerServices;
using KeyWorks.Domain;
using KeyWorks.Domain.Projects;
using KeyWorks.Domain.Storing;
using KeyWorks.GraphQL;
using KeyWorks.GraphQL.Execution;
using KeyWorks.GraphQL.Types;
using DomainEnvelope = KeyWorks.Domain.ReadModels.EventEnvelope;

namespace KeyWorks.Server.Api;

/// <summary>
/// <c>projectChanged(projectId:)</c> and <c>reportSubmitted</c> over the events the server follows (<see cref="ProjectRecords.WatchAsync"/>).
/// Each event is answered once the live read model has applied it. Contractors subscribe to their own projects only
/// (<c>FORBIDDEN</c> otherwise) and receive only their own projects' reports.
/// </summary>
public static class SubscriptionFields
{
    public static SchemaBuilder BindSubscriptions(this SchemaBuilder schema) => schema
        .BindSubscription("Subscription.projectChanged", ProjectChanged)
        .Bind("Subscription.projectChanged", context => context.Source)
        .BindSubscription("Subscription.reportSubmitted", ReportSubmitted)
        .Bind("Subscription.reportSubmitted", context => context.Source);

    /// <summary>Checks the caller and the project now (errors before the stream starts), then streams the project after each of its events.</summary>
    private static IAsyncEnumerable<object?> ProjectChanged(FieldContext context)
    {
        var user = ApiAuth.Require(context);
        var id = (string)context.Arguments["projectId"]!;
        var live = context.Request.Services!.GetRequiredService<LiveReadModel>();
        if (ApiObjects.ParseGlobalId(id) is not ("Project", var projectId) || !live.Current.Projects.TryGetValue(projectId, out var view))
        {
            throw new GraphQLException($"No project {id} (项目不存在).", "NOT_FOUND");
        }

        if (!ProjectFields.Visible(user, view.State))
        {
            throw new GraphQLException("This project is not one of yours (无权查看该项目).", "FORBIDDEN");
        }

        return ProjectChangesAsync(context, projectId, context.CancellationToken);
    }

    private static async IAsyncEnumerable<object?> ProjectChangesAsync(FieldContext context, string projectId, [EnumeratorCancellation] CancellationToken ct)
    {
        var live = context.Request.Services!.GetRequiredService<LiveReadModel>();
        await foreach (var envelope in Events(context, ct))
        {
            var model = live.Current;
            var concerns = envelope.Event switch
            {
                IProjectEvent e => e.ProjectId == projectId,
                IProblemEvent e => model.Problems.TryGetValue(e.ProblemId, out var problem) && problem.ProjectId == projectId,
                _ => false,
            };
            if (concerns && model.Projects.TryGetValue(projectId, out var view))
            {
                yield return new ProjectResult(model, view.State, ApiClock.TodayInChina(context));
            }
        }
    }

    private static IAsyncEnumerable<object?> ReportSubmitted(FieldContext context)
    {
        var user = ApiAuth.Require(context);
        return SubmissionsAsync(context, user, context.CancellationToken);
    }

    /// <summary>New reports and contractors' corrections (office corrections are official at once and await nobody).</summary>
    private static async IAsyncEnumerable<object?> SubmissionsAsync(FieldContext context, ApiUser user, [EnumeratorCancellation] CancellationToken ct)
    {
        var live = context.Request.Services!.GetRequiredService<LiveReadModel>();
        var records = context.Request.Services!.GetRequiredService<ProjectRecords>();
        await foreach (var envelope in Events(context, ct))
        {
            var projectId = envelope.Event switch
            {
                InvestmentReported e => e.ProjectId,
                InvestmentCorrected { Official: false } e => e.ProjectId,
                PhysicalProgressReported e => e.ProjectId,
                NodeReachedReported e => e.ProjectId,
                _ => null,
            };
            var model = live.Current;
            if (projectId is not null && model.Projects.TryGetValue(projectId, out var view) && ProjectFields.Visible(user, view.State)
                && records.Find(projectId, envelope.Position, model.Position) is { } record)
            {
                yield return ReportResult.For(record, new ProjectResult(model, view.State, ApiClock.TodayInChina(context)));
            }
        }
    }

    /// <summary>Every new event, each once the live read model has applied it.</summary>
    private static async IAsyncEnumerable<DomainEnvelope> Events(FieldContext context, [EnumeratorCancellation] CancellationToken ct)
    {
        var services = context.Request.Services!;
        var live = services.GetRequiredService<LiveReadModel>();
        await foreach (var envelope in services.GetRequiredService<ProjectRecords>().WatchAsync(ct))
        {
            await live.WaitForAsync(envelope.Position, ct);
            yield return envelope;
        }
    }
}
