// ReportStructure
