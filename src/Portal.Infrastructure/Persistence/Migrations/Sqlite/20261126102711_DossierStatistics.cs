using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DossierStatistics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DossierStatistics",
                columns: table => new
                {
                    CommuneCode = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    Agency = table.Column<int>(type: "INTEGER", nullable: false),
                    ProcedureCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReceivedOnline = table.Column<int>(type: "INTEGER", nullable: false),
                    ReceivedDirect = table.Column<int>(type: "INTEGER", nullable: false),
                    CompletedEarly = table.Column<int>(type: "INTEGER", nullable: false),
                    CompletedOnTime = table.Column<int>(type: "INTEGER", nullable: false),
                    CompletedLate = table.Column<int>(type: "INTEGER", nullable: false),
                    Refused = table.Column<int>(type: "INTEGER", nullable: false),
                    Withdrawn = table.Column<int>(type: "INTEGER", nullable: false),
                    SupplementRequests = table.Column<int>(type: "INTEGER", nullable: false),
                    WaivedVnd = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DossierStatistics", x => new { x.CommuneCode, x.Agency, x.ProcedureCode, x.Day });
                });

            migrationBuilder.CreateIndex(
                name: "IX_DossierStatistics_Day_CommuneCode",
                table: "DossierStatistics",
                columns: new[] { "Day", "CommuneCode" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DossierStatistics");
        }
    }
}
