using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Portal.Domain.Dossiers;
using Portal.Domain.Routing;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.ReferenceData;

namespace Portal.Web.Authorization;

/// <summary>What can be done to a dossier or a queue; decided by the handlers below, for pages and API alike.</summary>
public static class Operations
{
    public static readonly OperationAuthorizationRequirement Read = new() { Name = nameof(Read) };
    public static readonly OperationAuthorizationRequirement Withdraw = new() { Name = nameof(Withdraw) };

    /// <summary>What only the applicant does: answer a supplement request, rate the service.</summary>
    public static readonly OperationAuthorizationRequirement Answer = new() { Name = nameof(Answer) };
    public static readonly OperationAuthorizationRequirement Process = new() { Name = nameof(Process) };
}

/// <summary>
/// The one place that decides who may touch a dossier: its applicant reads and withdraws it; the
/// officers and leaders of the queue it is processed in (its commune, or that commune's successor after
/// a merger, and its agency) read and process it; province supervisors read it.
/// </summary>
public sealed class DossierAuthorizationHandler(CommuneDirectory communes) : AuthorizationHandler<OperationAuthorizationRequirement, Dossier>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, Dossier dossier)
    {
        var user = context.User;
        var isOwner = user.IsInRole(PortalRoles.Citizen) && dossier.Applicant.UserId is { } owner && user.UserId() == owner;
        var directory = await communes.GetAsync(CancellationToken.None);
        var serves = user.Queues().Contains(DossierRouter.Route(dossier.CommuneCode, dossier.Agency, code => directory.GetValueOrDefault(code)));
        var allowed = requirement.Name switch
        {
            nameof(Operations.Read) => isOwner || serves || user.IsInRole(PortalRoles.Supervisor),
            nameof(Operations.Withdraw) or nameof(Operations.Answer) => isOwner,
            nameof(Operations.Process) => serves,
            _ => false,
        };
        if (allowed)
        {
            context.Succeed(requirement);
        }
    }
}

/// <summary>A processing queue is worked only by the staff of its commune and agency.</summary>
public sealed class QueueAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, ProcessingQueue>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, ProcessingQueue queue)
    {
        if (requirement.Name is nameof(Operations.Read) or nameof(Operations.Process) && context.User.Queues().Contains(queue))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
