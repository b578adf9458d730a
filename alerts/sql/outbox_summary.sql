select receiver, status, count(*)::integer as n
from alerts.outbox
group by receiver, status
order by receiver, status;
