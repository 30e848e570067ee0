import { Text, View } from '@tarojs/components';
import { rosterLimits, type RosterKind } from '../../shared/domain/roster';

const columns: Record<RosterKind, [string, string][]> = {
  residents: [
    ['姓名', '必填'],
    ['手机号', '11 位，可空'],
    ['楼栋', '必填，须是本社区已有的楼栋，如 3号楼'],
    ['单元', '如 2 或 2单元，可空'],
    ['房号', '必填，如 301'],
    ['标签', '用顿号或逗号分隔，如 独居老人、低保'],
  ],
  buildings: [
    ['网格', '必填，须是本社区已有的网格'],
    ['楼栋', '必填，如 10号楼'],
    ['单元数', '1–99，可空'],
    ['地址', '可空'],
  ],
};

/** What the sheet must look like: the first row holds these headers, in any order. */
export function Formats({ kind }: { kind: RosterKind }) {
  return (
    <View className="card roster-formats">
      <Text className="roster-formats__title">表格第一行写列名：</Text>
      {columns[kind].map(([name, rule]) => (
        <View key={name} className="roster-formats__row">
          <Text className="roster-formats__name">{name}</Text>
          <Text className="roster-formats__rule">{rule}</Text>
        </View>
      ))}
      <Text className="roster-formats__note">
        支持 .xlsx 和 UTF-8 编码的 .csv，最多 {rosterLimits.maxBytes / 1024 / 1024} MB、{rosterLimits.maxRows} 行。公式按 Excel
        保存的计算结果导入。有任何一行不对，整个文件都不会导入。同一个文件重复导入不会重复添加。
      </Text>
    </View>
  );
}
