using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class CaseworkWorkspace : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorklistItems_QueueName_DueAt_DossierId",
                table: "WorklistItems");

            migrationBuilder.AddColumn<DateTime>(
                name: "AppointmentAt",
                table: "WorklistItems",
                type: "datetime2",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<string>(
                name: "AssignedTo",
                table: "WorklistItems",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "AwaitingSignature",
                table: "WorklistItems",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "SearchKey",
                table: "WorklistItems",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "Status",
                table: "WorklistItems",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Form",
                table: "DossierTransitions",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsInternal",
                table: "DossierTransitions",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "AppointmentAt",
                table: "Dossiers",
                type: "datetime2",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<string>(
                name: "AssignedTo",
                table: "Dossiers",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProposalReason",
                table: "Dossiers",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProposedBy",
                table: "Dossiers",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ProposedOutcome",
                table: "Dossiers",
                type: "int",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DeadlineEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    DossierId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    At = table.Column<DateTime>(type: "datetime2", nullable: false),
                    DueAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Reason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeadlineEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DeadlineEvents_Dossiers_DossierId",
                        column: x => x.DossierId,
                        principalTable: "Dossiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LeaderDelegations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    LeaderUserName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    DelegateUserName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    QueueName = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LeaderDelegations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StaffDigests",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    UserName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    SentAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Assigned = table.Column<int>(type: "int", nullable: false),
                    Overdue = table.Column<int>(type: "int", nullable: false),
                    DueSoon = table.Column<int>(type: "int", nullable: false),
                    AwaitingSignature = table.Column<int>(type: "int", nullable: false),
                    Emailed = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffDigests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StaffLeaves",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffLeaves", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_WorklistItems_DossierCode",
                table: "WorklistItems",
                column: "DossierCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WorklistItems_QueueName_AssignedTo_DueAt_DossierCode",
                table: "WorklistItems",
                columns: new[] { "QueueName", "AssignedTo", "DueAt", "DossierCode" });

            migrationBuilder.CreateIndex(
                name: "IX_WorklistItems_QueueName_AwaitingSignature",
                table: "WorklistItems",
                columns: new[] { "QueueName", "AwaitingSignature" });

            migrationBuilder.CreateIndex(
                name: "IX_WorklistItems_QueueName_DueAt_DossierCode_Status",
                table: "WorklistItems",
                columns: new[] { "QueueName", "DueAt", "DossierCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_DeadlineEvents_DossierId_At",
                table: "DeadlineEvents",
                columns: new[] { "DossierId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_LeaderDelegations_DelegateUserName_QueueName_To",
                table: "LeaderDelegations",
                columns: new[] { "DelegateUserName", "QueueName", "To" });

            migrationBuilder.CreateIndex(
                name: "IX_StaffDigests_UserName_Day",
                table: "StaffDigests",
                columns: new[] { "UserName", "Day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StaffLeaves_UserName_To",
                table: "StaffLeaves",
                columns: new[] { "UserName", "To" });

            // Rows written before this migration: the appointment is the due date, the worklist copies the
            // dossier's status, and its search key is left empty for the start-up to fill (folded like new rows).
            migrationBuilder.Sql("UPDATE [Dossiers] SET [AppointmentAt] = [DueAt];");
            migrationBuilder.Sql("UPDATE [WorklistItems] SET [AppointmentAt] = [DueAt], [Status] = (SELECT [Status] FROM [Dossiers] WHERE [Dossiers].[Id] = [WorklistItems].[DossierId]);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DeadlineEvents");

            migrationBuilder.DropTable(
                name: "LeaderDelegations");

            migrationBuilder.DropTable(
                name: "StaffDigests");

            migrationBuilder.DropTable(
                name: "StaffLeaves");

            migrationBuilder.DropIndex(
                name: "IX_WorklistItems_DossierCode",
                table: "WorklistItems");

            migrationBuilder.DropIndex(
                name: "IX_WorklistItems_QueueName_AssignedTo_DueAt_DossierCode",
                table: "WorklistItems");

            migrationBuilder.DropIndex(
                name: "IX_WorklistItems_QueueName_AwaitingSignature",
                table: "WorklistItems");

            migrationBuilder.DropIndex(
                name: "IX_WorklistItems_QueueName_DueAt_DossierCode_Status",
                table: "WorklistItems");

            migrationBuilder.DropColumn(
                name: "AppointmentAt",
                table: "WorklistItems");

            migrationBuilder.DropColumn(
                name: "AssignedTo",
                table: "WorklistItems");

            migrationBuilder.DropColumn(
                name: "AwaitingSignature",
                table: "WorklistItems");

            migrationBuilder.DropColumn(
                name: "SearchKey",
                table: "WorklistItems");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "WorklistItems");

            migrationBuilder.DropColumn(
                name: "Form",
                table: "DossierTransitions");

            migrationBuilder.DropColumn(
                name: "IsInternal",
                table: "DossierTransitions");

            migrationBuilder.DropColumn(
                name: "AppointmentAt",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "AssignedTo",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "ProposalReason",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "ProposedBy",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "ProposedOutcome",
                table: "Dossiers");

            migrationBuilder.CreateIndex(
                name: "IX_WorklistItems_QueueName_DueAt_DossierId",
                table: "WorklistItems",
                columns: new[] { "QueueName", "DueAt", "DossierId" });
        }
    }
}
