using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BacklogCounters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BacklogCounters",
                columns: table => new
                {
                    Axis = table.Column<int>(type: "INTEGER", nullable: false),
                    CommuneCode = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    Agency = table.Column<int>(type: "INTEGER", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BacklogCounters", x => new { x.Axis, x.CommuneCode, x.Agency, x.Day });
                });

            migrationBuilder.CreateIndex(
                name: "IX_WorklistItems_DueAt_Status_CommuneCode_Agency_AwaitingSignature",
                table: "WorklistItems",
                columns: new[] { "DueAt", "Status", "CommuneCode", "Agency", "AwaitingSignature" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BacklogCounters");

            migrationBuilder.DropIndex(
                name: "IX_WorklistItems_DueAt_Status_CommuneCode_Agency_AwaitingSignature",
                table: "WorklistItems");
        }
    }
}
