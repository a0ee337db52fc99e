// The kind of an organization (party, government, congress, company, media, school …) from the words of its name.
import type { OrganizationKind } from "../../core/model.js";

export function kindOf(name: string): OrganizationKind {
  if (/^中共|党委|党组|党支部|党总支|委员会$|市委|省委|县委|区委|纪委|宣传部|组织部|统战部|政法委/.test(name))
    return "party";
  if (/人民政府|局$|厅$|办$|办公室$|管委会|新闻办/.test(name)) return "government";
  if (/人大|政协/.test(name)) return "congress";
  if (/公司$|集团$|有限/.test(name)) return "company";
  if (/日报|晚报|电视台|新华社|报社|总台/.test(name)) return "media";
  if (/大学|学院|中学|小学|学校/.test(name)) return "school";
  if (/医院/.test(name)) return "hospital";
  if (/协会|学会|商会|联合会|基金会/.test(name)) return "association";
  return "other";
}
