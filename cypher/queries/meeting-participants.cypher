// A meeting's participants by role: who chaired, who spoke, who attended. A name shared by several meetings
// (a standing committee meets often) gives one group per meeting date.
// @param meeting STRING  Meeting id or name
// @example meeting=市委常委会会议
MATCH (m:Meeting) WHERE m.id = $meeting OR m.name = $meeting
MATCH (p:Person)-[r:PARTICIPATED_IN]->(m)
WITH DISTINCT m, r.role AS role, p
ORDER BY p.name
WITH m, role, collect(p.name) AS people
RETURN m.name AS meeting, m.date AS date, role, people
ORDER BY date, meeting, CASE role WHEN 'chaired' THEN 0 WHEN 'spoke' THEN 1 WHEN 'attended' THEN 2 ELSE 3 END
