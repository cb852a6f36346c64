using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FeeRulesModule : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "WaivePercent",
                table: "FeeRules",
                newName: "Version");

            migrationBuilder.AddColumn<string>(
                name: "Deadline",
                table: "Procedures",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Effect",
                table: "FeeRules",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            // The old WaivePercent column became Version: move each percentage into the effect, then start versions at 1.
            migrationBuilder.Sql(@"UPDATE ""FeeRules"" SET ""Effect"" = '{""kind"":""WaivePercent"",""percent"":' || ""Version"" || ',""amountVnd"":0}', ""Version"" = 1;");

            migrationBuilder.AddColumn<DateOnly>(
                name: "RetiredOn",
                table: "FeeRules",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "ApplicantUserId",
                table: "Dossiers",
                type: "TEXT",
                maxLength: 64,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 64);

            migrationBuilder.AddColumn<string>(
                name: "Payment",
                table: "Dossiers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "FeeRuleChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RuleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Before = table.Column<string>(type: "TEXT", nullable: true),
                    After = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeeRuleChanges", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FeeRuleChanges_RuleId_At",
                table: "FeeRuleChanges",
                columns: new[] { "RuleId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FeeRuleChanges");

            migrationBuilder.DropColumn(
                name: "Deadline",
                table: "Procedures");

            migrationBuilder.DropColumn(
                name: "Effect",
                table: "FeeRules");

            migrationBuilder.DropColumn(
                name: "RetiredOn",
                table: "FeeRules");

            migrationBuilder.DropColumn(
                name: "Payment",
                table: "Dossiers");

            migrationBuilder.RenameColumn(
                name: "Version",
                table: "FeeRules",
                newName: "WaivePercent");

            migrationBuilder.AlterColumn<string>(
                name: "ApplicantUserId",
                table: "Dossiers",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 64,
                oldNullable: true);
        }
    }
}
