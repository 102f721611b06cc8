// TrendReport
